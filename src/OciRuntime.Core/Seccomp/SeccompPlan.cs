using OciRuntime.Linux.Seccomp;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Seccomp;

/// <summary>An architecture as libseccomp names it ("x86_64"), with the config field it came from.</summary>
public sealed record SeccompArchitecture(string Name, string Pointer);

/// <summary>
/// linux.seccomp translated into what the filter is built from, with runc's semantics: a rule whose action is the
/// default action is dropped (libseccomp refuses it); conditions on distinct arguments form one rule (all must
/// hold), but when two conditions test the same argument each becomes a rule of its own (any may hold).
/// Expects a profile SpecValidator accepted.
/// </summary>
public sealed record SeccompPlan(
    uint DefaultAction, IReadOnlyList<SeccompArchitecture> Architectures, uint Flags, IReadOnlyList<SeccompRule> Rules,
    IReadOnlyList<string> SyscallNames)
{
    private const string Pointer = "/linux/seccomp";
    private const int MaxArguments = 6;

    /// <summary>A NOTIFY rule needs the filter loaded with a listener descriptor.</summary>
    public bool NeedsListener => Rules.Any(r => r.Action == SeccompActionCodes.Notify);

    public static SeccompPlan From(LinuxSeccomp profile)
    {
        uint defaultAction = Action(profile.DefaultAction, profile.DefaultErrnoRet, $"{Pointer}/defaultAction");
        var architectures = (profile.Architectures ?? [])
            .Select((name, i) => new SeccompArchitecture(LibSeccompArchName(name), $"{Pointer}/architectures/{i}"))
            .ToList();
        uint flags = 0;
        for (int i = 0; i < (profile.Flags?.Count ?? 0); i++)
            flags |= SeccompFilterFlags.From(profile.Flags![i]) ?? throw Unknown($"{Pointer}/flags/{i}", "flag", profile.Flags[i]);

        var rules = new List<SeccompRule>();
        for (int i = 0; i < (profile.Syscalls?.Count ?? 0); i++)
        {
            var syscall = profile.Syscalls![i];
            string pointer = $"{Pointer}/syscalls/{i}";
            uint action = Action(syscall.Action, syscall.ErrnoRet, $"{pointer}/action");
            if (action == defaultAction) continue;
            var conditionSets = ConditionSets(syscall.Args ?? [], pointer);
            foreach (string name in syscall.Names ?? [])
                rules.AddRange(conditionSets.Select(conditions => new SeccompRule(name, action, conditions, pointer)));
        }
        var names = (profile.Syscalls ?? []).SelectMany(s => s?.Names ?? []).Distinct().ToList();
        return new SeccompPlan(defaultAction, architectures, flags, rules, names);
    }

    /// <summary>"SCMP_ARCH_X86_64" -> "x86_64", the name seccomp_arch_resolve_name knows.</summary>
    public static string LibSeccompArchName(string specName) =>
        (specName.StartsWith("SCMP_ARCH_", StringComparison.Ordinal) ? specName["SCMP_ARCH_".Length..] : specName).ToLowerInvariant();

    private static List<IReadOnlyList<SeccompCondition>> ConditionSets(List<LinuxSeccompArg> args, string pointer)
    {
        var conditions = new List<SeccompCondition>();
        for (int j = 0; j < args.Count; j++)
        {
            var arg = args[j] ?? throw new InvalidOperationException($"{pointer}/args/{j}: must be an object");
            if (arg.Index >= MaxArguments)
                throw new InvalidOperationException($"{pointer}/args/{j}/index: {arg.Index} is out of range (a syscall has {MaxArguments} arguments)");
            int op = Operator(arg.Op) ?? throw Unknown($"{pointer}/args/{j}/op", "operator", arg.Op);
            conditions.Add(new SeccompCondition(arg.Index, op, arg.Value, arg.ValueTwo ?? 0));
        }
        if (conditions.Count == 0) return [[]];
        bool sharedIndex = conditions.GroupBy(c => c.Index).Any(g => g.Count() > 1);
        return sharedIndex ? conditions.Select(c => (IReadOnlyList<SeccompCondition>)[c]).ToList() : [conditions];
    }

    /// <summary>libseccomp's enum scmp_compare.</summary>
    public static int? Operator(string? name) => name switch
    {
        "SCMP_CMP_NE" => 1,
        "SCMP_CMP_LT" => 2,
        "SCMP_CMP_LE" => 3,
        "SCMP_CMP_EQ" => 4,
        "SCMP_CMP_GE" => 5,
        "SCMP_CMP_GT" => 6,
        "SCMP_CMP_MASKED_EQ" => 7,
        _ => null,
    };

    private static uint Action(string? name, uint? errnoRet, string pointer) =>
        SeccompActionCodes.From(name, errnoRet) ?? throw Unknown(pointer, "action", name);

    private static InvalidOperationException Unknown(string pointer, string what, string? name) =>
        new($"{pointer}: unknown seccomp {what} \"{name}\"");
}
