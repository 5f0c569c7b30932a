using System.Runtime.InteropServices;

namespace OciRuntime.Linux.Seccomp;

/// <summary>
/// A libseccomp filter context: architectures and rules go in, the compiled classic-BPF program comes out.
/// The runtime loads the program itself (see <see cref="SeccompLoader"/>), so libseccomp's own load attributes
/// (no_new_privs, TSYNC, log) are never used.
/// </summary>
public sealed unsafe partial class SeccompFilter : IDisposable
{
    private nint _context;

    public SeccompFilter(uint defaultAction)
    {
        _context = LibSeccomp.seccomp_init(defaultAction);
        if (_context == 0) throw new InvalidOperationException($"/linux/seccomp/defaultAction: libseccomp refused action 0x{defaultAction:x8}");
    }

    /// <summary>The AUDIT_ARCH_* value of the architecture this runtime runs on.</summary>
    public static uint NativeArchitecture => LibSeccomp.seccomp_arch_native();

    public static string LibraryVersion
    {
        get
        {
            var v = LibSeccomp.seccomp_version();
            return $"{v->Major}.{v->Minor}.{v->Micro}";
        }
    }

    public static bool KnowsArchitecture(string name) => LibSeccomp.seccomp_arch_resolve_name(name) != 0;

    public void AddArchitecture(string name, string pointer)
    {
        uint token = LibSeccomp.seccomp_arch_resolve_name(name);
        if (token == 0) throw new InvalidOperationException($"{pointer}: libseccomp {LibraryVersion} does not support architecture \"{name}\"");
        int r = LibSeccomp.seccomp_arch_add(_context, token);
        if (r < 0 && r != -Errno.EEXIST) throw new InvalidOperationException($"{pointer}: seccomp_arch_add({name}): {Errno.Describe(-r)}");
    }

    /// <summary>False when no architecture of the filter knows the syscall's name (runc ignores those).</summary>
    public bool AddRule(SeccompRule rule)
    {
        int number = LibSeccomp.seccomp_syscall_resolve_name(rule.Syscall);
        if (number == LibSeccomp.NR_SCMP_ERROR) return false;
        var conditions = new LibSeccomp.ArgCmp[rule.Conditions.Count];
        for (int i = 0; i < conditions.Length; i++)
        {
            var c = rule.Conditions[i];
            conditions[i] = new LibSeccomp.ArgCmp { Arg = c.Index, Op = c.Op, DatumA = c.DatumA, DatumB = c.DatumB };
        }
        fixed (LibSeccomp.ArgCmp* args = conditions)
        {
            int r = LibSeccomp.seccomp_rule_add_array(_context, rule.Action, number, (uint)conditions.Length, args);
            if (r < 0) throw new InvalidOperationException($"{rule.Pointer}: adding a rule for {rule.Syscall}: {Errno.Describe(-r)}");
        }
        return true;
    }

    /// <summary>The native syscall number of a name, or null when this architecture has no such syscall.</summary>
    public static int? NativeNumber(string name)
    {
        int number = LibSeccomp.seccomp_syscall_resolve_name_arch(NativeArchitecture, name);
        return number >= 0 ? number : null;
    }

    /// <summary>The compiled program: an array of struct sock_filter.</summary>
    public byte[] ExportBpf()
    {
        int fd = SysError.Check(memfd_create("seccomp-bpf", 1 /* MFD_CLOEXEC */), "memfd_create");
        try
        {
            int r = LibSeccomp.seccomp_export_bpf(_context, fd);
            if (r < 0) throw new InvalidOperationException($"/linux/seccomp: seccomp_export_bpf: {Errno.Describe(-r)}");
            long length = SysError.Check((int)lseek(fd, 0, 2 /* SEEK_END */), "lseek");
            SysError.Check((int)lseek(fd, 0, 0 /* SEEK_SET */), "lseek");
            var program = new byte[length];
            if (!Fd.ReadExactly(fd, program)) throw new InvalidOperationException("/linux/seccomp: the exported filter was truncated");
            return program;
        }
        finally
        {
            Libc.close(fd);
        }
    }

    [LibraryImport("libc", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    private static partial int memfd_create(string name, uint flags);
    [LibraryImport("libc", SetLastError = true)] private static partial long lseek(int fd, long offset, int whence);

    public void Dispose()
    {
        if (_context != 0) LibSeccomp.seccomp_release(_context);
        _context = 0;
    }
}
