namespace OciRuntime.Linux.Seccomp;

/// <summary>One argument comparison (libseccomp's scmp_arg_cmp): for SCMP_CMP_MASKED_EQ A is the mask, B the value.</summary>
public sealed record SeccompCondition(uint Index, int Op, ulong DatumA, ulong DatumB);

/// <summary>One libseccomp rule: a syscall by name, the action's kernel return value, and conditions all of which must hold.</summary>
public sealed record SeccompRule(string Syscall, uint Action, IReadOnlyList<SeccompCondition> Conditions, string Pointer);
