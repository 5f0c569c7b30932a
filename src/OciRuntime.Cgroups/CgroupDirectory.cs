using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>mkdir/rmdir on cgroup directories, answering with errno instead of exceptions.</summary>
internal static class CgroupDirectory
{
    /// <summary>Creates the directory; returns true when it did not exist before.</summary>
    /// <exception cref="CgroupException">mkdir failed for a reason other than the directory existing.</exception>
    public static bool Make(string path)
    {
        if (Libc.mkdir(path, 0x1ed /* 0755 */) == 0) return true;
        int errno = Errno.Last;
        if (errno == Errno.EEXIST) return false;
        throw new CgroupException(CgroupPathResolver.Pointer, $"creating {path}: {Errno.Describe(errno)}", errno, path);
    }

    /// <summary>Removes an empty cgroup; returns 0 or the errno (ENOENT when already gone).</summary>
    public static int TryRemove(string path) => Native.rmdir(path) == 0 ? 0 : Errno.Last;
}
