using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class SeccompRules
{
    private const string Pointer = "/linux/seccomp";
    private const int MaxArguments = 6;

    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var seccomp = spec.Linux?.Seccomp;
        if (seccomp is null)
            return;

        if (string.IsNullOrEmpty(seccomp.DefaultAction))
            problems.Add($"{Pointer}/defaultAction", "is required");
        else if (!SeccompNames.Actions.Contains(seccomp.DefaultAction))
            problems.Add($"{Pointer}/defaultAction", UnknownAction(seccomp.DefaultAction));
        else if (seccomp.DefaultAction == SeccompNames.ActNotify)
            problems.Add($"{Pointer}/defaultAction", "SCMP_ACT_NOTIFY cannot be the default action");

        CheckKnown(seccomp.Architectures, SeccompNames.Architectures, $"{Pointer}/architectures", "architecture", problems);
        CheckKnown(seccomp.Flags, SeccompNames.Flags, $"{Pointer}/flags", "flag", problems);
        CheckSyscalls(seccomp.Syscalls, problems);

        var notifies = seccomp.Syscalls?.Any(s => s?.Action == SeccompNames.ActNotify) == true;
        if (notifies && string.IsNullOrEmpty(seccomp.ListenerPath))
            problems.Add($"{Pointer}/listenerPath", "is required when a syscall uses SCMP_ACT_NOTIFY");
        if (!notifies && !string.IsNullOrEmpty(seccomp.ListenerPath))
            problems.Add($"{Pointer}/listenerPath", "is only used with SCMP_ACT_NOTIFY, and no syscall uses it");
    }

    private static void CheckSyscalls(List<LinuxSyscall>? syscalls, ProblemList problems)
    {
        for (var i = 0; i < (syscalls?.Count ?? 0); i++)
        {
            var pointer = $"{Pointer}/syscalls/{i}";
            if (syscalls![i] is not { } syscall)
            {
                problems.Add(pointer, "must be an object");
                continue;
            }

            if (syscall.Names is not { Count: > 0 })
                problems.Add($"{pointer}/names", "must contain at least one syscall name");
            if (!SeccompNames.Actions.Contains(syscall.Action))
                problems.Add($"{pointer}/action", UnknownAction(syscall.Action));
            for (var j = 0; j < (syscall.Args?.Count ?? 0); j++)
            {
                var arg = syscall.Args![j];
                if (!SeccompNames.Operators.Contains(arg?.Op))
                    problems.Add($"{pointer}/args/{j}/op", $"unknown seccomp operator \"{arg?.Op}\"");
                if (arg?.Index >= MaxArguments)
                    problems.Add($"{pointer}/args/{j}/index", $"{arg.Index} is out of range: a syscall has {MaxArguments} arguments (0 to 5)");
            }
        }
    }

    private static void CheckKnown(
        List<string>? values, IReadOnlyList<string> known, string pointer, string what, ProblemList problems)
    {
        for (var i = 0; i < (values?.Count ?? 0); i++)
        {
            if (!known.Contains(values![i]))
                problems.Add($"{pointer}/{i}", $"unknown seccomp {what} \"{values[i]}\"");
        }
    }

    private static string UnknownAction(string? action) => $"unknown seccomp action \"{action}\"";
}
