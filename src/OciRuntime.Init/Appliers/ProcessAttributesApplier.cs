using System.Runtime.InteropServices;
using OciRuntime.Linux;
using OciRuntime.Spec;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// How the kernel runs the process: its execution domain (personality), security labels (LsmLabelApplier),
/// scheduling policy (sched_setattr) and I/O priority (ioprio_set). Applied by init before capabilities are
/// dropped, since a real-time policy needs CAP_SYS_NICE and the real-time I/O class CAP_SYS_ADMIN; every setting
/// is inherited across execve.
/// </summary>
public static unsafe partial class ProcessAttributesApplier
{
    private const int SYS_ioprio_set = 251, SYS_sched_setattr = 314, IOPRIO_WHO_PROCESS = 1, IOPRIO_CLASS_SHIFT = 13;

    public static void Apply(Process process, LinuxPersonality? personality)
    {
        if (personality?.Domain is { } domain)
            Check(SetPersonality(ProcessAttributeNames.PersonalityDomains[domain]), "/linux/personality", $"personality({domain})");
        if (process.Scheduler is { } scheduler) SetScheduler(scheduler);
        LsmLabelApplier.Apply(process);
        if (process.IoPriority is { } priority)
        {
            int ioClass = Array.IndexOf(ProcessAttributeNames.IoPriorityClasses, priority.Class);
            Check((int)Libc.syscall(SYS_ioprio_set, IOPRIO_WHO_PROCESS, 0, (ioClass << IOPRIO_CLASS_SHIFT) | priority.Priority, 0, 0),
                "/process/ioPriority", $"ioprio_set({priority.Class}, {priority.Priority})");
        }
    }

    /// <summary>`exec`'s final CPU affinity, set by the process itself after it joined the container's cgroup.</summary>
    public static void ApplyFinalAffinity(ExecCpuAffinity? affinity)
    {
        if (CpuList.Parse(affinity?.Final) is not { } cpus) return;
        ulong* mask = stackalloc ulong[128];
        new Span<ulong>(mask, 128).Clear();
        foreach (int cpu in cpus) mask[cpu / 64] |= 1UL << (cpu % 64);
        Check(sched_setaffinity(0, 128 * sizeof(ulong), mask), "/process/execCPUAffinity/final", $"sched_setaffinity({affinity!.Final})");
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedAttr
    {
        public uint Size, Policy;
        public ulong Flags;
        public int Nice;
        public uint Priority;
        public ulong Runtime, Deadline, Period;
        public uint UtilMin, UtilMax;
    }

    private static void SetScheduler(Scheduler scheduler)
    {
        ulong flags = 0;
        foreach (string flag in scheduler.Flags ?? []) flags |= 1UL << Array.IndexOf(ProcessAttributeNames.SchedulerFlags, flag);
        var attr = new SchedAttr
        {
            Size = (uint)sizeof(SchedAttr),
            Policy = (uint)Array.IndexOf(ProcessAttributeNames.SchedulerPolicies, scheduler.Policy),
            Flags = flags,
            Nice = scheduler.Nice ?? 0,
            Priority = (uint)(scheduler.Priority ?? 0),
            Runtime = scheduler.Runtime ?? 0,
            Deadline = scheduler.Deadline ?? 0,
            Period = scheduler.Period ?? 0,
        };
        Check((int)Libc.syscall(SYS_sched_setattr, 0, (nint)(&attr), 0, 0, 0), "/process/scheduler", $"sched_setattr({scheduler.Policy})");
    }

    private static void Check(int result, string field, string call)
    {
        if (result < 0) throw new InvalidOperationException($"{field}: {call}: {Errno.Describe(Errno.Last)}");
    }

    [LibraryImport("libc", EntryPoint = "personality", SetLastError = true)]
    private static partial int SetPersonality(uint persona);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int sched_setaffinity(int pid, nuint size, ulong* mask);
}
