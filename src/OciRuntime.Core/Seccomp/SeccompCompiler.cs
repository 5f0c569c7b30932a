using OciRuntime.Linux.Seccomp;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Seccomp;

/// <summary>
/// linux.seccomp to a loadable program: libseccomp builds the filter, the ENOSYS stub goes in front. Syscall names
/// no architecture of the filter knows are skipped, as runc does, and reported back for a warning.
/// </summary>
public static class SeccompCompiler
{
    public static CompiledSeccomp Compile(LinuxSeccomp profile, SeccompCache? cache = null)
    {
        try
        {
            var plan = SeccompPlan.From(profile);
            return cache is null ? CompileWithLibSeccomp(plan) : cache.GetOrAdd(plan, () => CompileWithLibSeccomp(plan));
        }
        catch (InvalidOperationException e)
        {
            throw new RuntimeError(e.Message, ExitCodes.Failure, e);
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            throw new RuntimeError("/linux/seccomp: needs libseccomp.so.2 (libseccomp 2.5 or later), which could not be loaded", ExitCodes.Failure, e);
        }
    }

    private static CompiledSeccomp CompileWithLibSeccomp(SeccompPlan plan)
    {
        var unknown = new List<string>();
        byte[] program;
        using (var filter = new SeccompFilter(plan.DefaultAction))
        {
            foreach (var architecture in plan.Architectures) filter.AddArchitecture(architecture.Name, architecture.Pointer);
            foreach (var rule in plan.Rules)
                if (!filter.AddRule(rule) && !unknown.Contains(rule.Syscall)) unknown.Add(rule.Syscall);
            program = filter.ExportBpf();
        }
        if (!SeccompActionCodes.LetsThrough(plan.DefaultAction) && HighestNativeSyscall(plan.SyscallNames) is { } highest)
            program = EnosysStub.Prepend(program, SeccompFilter.NativeArchitecture, highest);
        uint flags = plan.Flags | (plan.NeedsListener ? SeccompFilterFlags.NewListener : 0);
        return new CompiledSeccomp(program, flags, unknown);
    }

    private static uint? HighestNativeSyscall(IEnumerable<string> names)
    {
        int highest = -1;
        foreach (string name in names)
            if (SeccompFilter.NativeNumber(name) is { } number && number > highest) highest = number;
        return highest >= 0 ? (uint)highest : null;
    }
}
