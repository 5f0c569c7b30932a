using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class ResourceRules
{
    private const string Pointer = "/linux/resources";

    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var resources = spec.Linux?.Resources;
        if (resources is null)
            return;
        DeviceRuleRules.Check(resources.Devices, $"{Pointer}/devices", problems);
        CheckMemory(resources.Memory, problems);
        CheckCpu(resources.Cpu, problems);
        CheckPids(resources.Pids, problems);
    }

    private static void CheckMemory(LinuxMemory? memory, ProblemList problems)
    {
        if (memory is null)
            return;
        const string pointer = $"{Pointer}/memory";

        if (memory.Limit is { } limit && limit is 0 or < -1)
            problems.Add($"{pointer}/limit", $"must be a positive number of bytes or -1 (unlimited), got {limit}");
        CheckAtLeastMinusOne(memory.Reservation, $"{pointer}/reservation", problems);
        CheckAtLeastMinusOne(memory.Kernel, $"{pointer}/kernel", problems);
        CheckAtLeastMinusOne(memory.KernelTcp, $"{pointer}/kernelTCP", problems);

        if (memory.Swap is < -1)
            problems.Add($"{pointer}/swap", $"must be a positive number of bytes or -1 (unlimited), got {memory.Swap}");
        else if (memory is { Swap: > 0, Limit: > 0 } && memory.Swap < memory.Limit)
            problems.Add($"{pointer}/swap",
                $"memory+swap limit {memory.Swap} must not be smaller than the memory limit {memory.Limit}");

        if (memory.Swappiness is > 100)
            problems.Add($"{pointer}/swappiness", $"must be between 0 and 100, got {memory.Swappiness}");
    }

    private static void CheckAtLeastMinusOne(long? bytes, string pointer, ProblemList problems)
    {
        if (bytes is < -1)
            problems.Add(pointer, $"must be a number of bytes or -1 (unlimited), got {bytes}");
    }

    private static void CheckCpu(LinuxCpu? cpu, ProblemList problems)
    {
        if (cpu?.Quota is { } quota && quota is 0 or < -1)
            problems.Add($"{Pointer}/cpu/quota", $"must be a positive number of microseconds or -1 (unlimited), got {quota}");
        if (cpu?.Period is 0)
            problems.Add($"{Pointer}/cpu/period", "must be greater than zero");
    }

    private static void CheckPids(LinuxPids? pids, ProblemList problems)
    {
        if (pids?.Limit is < -1)
            problems.Add($"{Pointer}/pids/limit",
                $"must be a positive number, 0 (not set) or -1 (unlimited), got {pids.Limit}");
    }
}
