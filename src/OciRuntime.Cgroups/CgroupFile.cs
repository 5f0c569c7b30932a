using System.Text;
using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>
/// Reads and writes cgroup control files. Each value goes to the kernel in a single write(2), because
/// the kernel parses every write separately and reports its verdict as that write's errno.
/// </summary>
internal static unsafe class CgroupFile
{
    /// <exception cref="CgroupException">The kernel refused the value; the message names the file and errno.</exception>
    public static void Write(string path, string value, string? pointer)
    {
        int errno = TryWrite(path, value);
        if (errno != 0) throw WriteFailure(path, value, pointer, errno);
    }

    public static CgroupException WriteFailure(string path, string value, string? pointer, int errno, string? hint = null) =>
        new(pointer, $"writing {value} to {path}: {Errno.Describe(errno)}{hint}", errno, path);

    /// <summary>Writes the value and returns 0, or the errno the kernel answered with.</summary>
    public static int TryWrite(string path, string value)
    {
        int fd = Libc.open(path, O.WRONLY | O.CLOEXEC, 0);
        if (fd < 0) return Errno.Last;
        try
        {
            byte[] bytes = Encoding.UTF8.GetBytes(value);
            fixed (byte* data = bytes)
            {
                while (true)
                {
                    nint written = Libc.write(fd, data, bytes.Length);
                    if (written >= 0) return 0;
                    int errno = Errno.Last;
                    if (errno != Errno.EINTR) return errno;
                }
            }
        }
        finally
        {
            Libc.close(fd);
        }
    }

    /// <summary>The file's content, or null when it does not exist (controller absent, cgroup gone).</summary>
    public static string? TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The value of "key value" line in a flat-keyed file such as memory.events.</summary>
    public static long? ReadKeyedValue(string path, string key)
    {
        string? content = TryRead(path);
        if (content is null) return null;
        foreach (string line in content.Split('\n'))
        {
            string[] fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length == 2 && fields[0] == key && long.TryParse(fields[1], out long value)) return value;
        }
        return null;
    }

    public static bool ListContains(string path, string word) =>
        (TryRead(path) ?? "").Split((char[])[' ', '\n'], StringSplitOptions.RemoveEmptyEntries).Contains(word);
}
