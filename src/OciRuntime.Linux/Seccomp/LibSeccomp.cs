using System.Runtime.InteropServices;

namespace OciRuntime.Linux.Seccomp;

/// <summary>
/// libseccomp.so.2, bound lazily: the library is only opened the first time a config asks for seccomp, so
/// containers without a profile (and hosts without libseccomp) never load it. Calls return a negative errno.
/// </summary>
internal static unsafe partial class LibSeccomp
{
    private const string Lib = "libseccomp.so.2";

    [StructLayout(LayoutKind.Sequential)]
    public struct ArgCmp
    {
        public uint Arg;
        public int Op;
        public ulong DatumA;
        public ulong DatumB;
    }

    [StructLayout(LayoutKind.Sequential)]
    public struct Version { public uint Major, Minor, Micro; }

    public const int NR_SCMP_ERROR = -1;

    [LibraryImport(Lib)] public static partial nint seccomp_init(uint defaultAction);
    [LibraryImport(Lib)] public static partial void seccomp_release(nint ctx);
    [LibraryImport(Lib)] public static partial uint seccomp_arch_native();
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial uint seccomp_arch_resolve_name(string name);
    [LibraryImport(Lib)] public static partial int seccomp_arch_add(nint ctx, uint arch);
    [LibraryImport(Lib)] public static partial int seccomp_arch_exist(nint ctx, uint arch);
    [LibraryImport(Lib)] public static partial int seccomp_attr_set(nint ctx, int attribute, uint value);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)] public static partial int seccomp_syscall_resolve_name(string name);
    [LibraryImport(Lib, StringMarshalling = StringMarshalling.Utf8)]
    public static partial int seccomp_syscall_resolve_name_arch(uint arch, string name);
    [LibraryImport(Lib)] public static partial int seccomp_rule_add_array(nint ctx, uint action, int syscall, uint count, ArgCmp* args);
    [LibraryImport(Lib)] public static partial int seccomp_export_bpf(nint ctx, int fd);
    [LibraryImport(Lib)] public static partial Version* seccomp_version();
}
