using OciRuntime.Linux;

namespace OciRuntime.Core.State;

/// <summary>
/// One container's state directory, &lt;root&gt;/&lt;id&gt;: state.json, config.json and exec.fifo.
/// Holding an instance holds an exclusive flock on the directory, so verbs on one id never interleave.
/// </summary>
public sealed class ContainerDirectory : IDisposable
{
    public const string StateFile = "state.json", ConfigFile = "config.json", FifoFile = "exec.fifo";

    private int _lockFd;

    public string Id { get; }
    public string Path { get; }
    public string FifoPath => System.IO.Path.Combine(Path, FifoFile);
    public string ConfigPath => System.IO.Path.Combine(Path, ConfigFile);

    private ContainerDirectory(string id, string path, int lockFd)
    {
        Id = id;
        Path = path;
        _lockFd = lockFd;
    }

    /// <summary>Creates the directory (0711, like runc) and locks it; fails if the id is taken.</summary>
    public static ContainerDirectory CreateNew(string root, string id)
    {
        Directory.CreateDirectory(root, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        string path = System.IO.Path.Combine(root, id);
        if (Libc.mkdir(path, 0b111_001_001) < 0)
        {
            int e = Errno.Last;
            if (e == Errno.EEXIST) throw new RuntimeError($"container with id {id} already exists", ExitCodes.Failure);
            throw new SysError("mkdir", path, e);
        }
        return new ContainerDirectory(id, path, Lock(path));
    }

    /// <summary>Opens and locks an existing container's directory, or returns null if there is no such container.</summary>
    public static ContainerDirectory? TryOpen(string root, string id, bool exclusive = true)
    {
        string path = System.IO.Path.Combine(root, id);
        int fd = Libc.open(path, O.RDONLY | O.DIRECTORY | O.CLOEXEC, 0);
        if (fd < 0)
        {
            if (Errno.Last == Errno.ENOENT) return null;
            throw new SysError("open", path, Errno.Last);
        }
        SysError.CheckRetry(() => Libc.flock(fd, exclusive ? 2 /* LOCK_EX */ : 1 /* LOCK_SH */), "flock", path);
        // A concurrent delete may have removed it while we waited for the lock.
        if (!Directory.Exists(path))
        {
            Libc.close(fd);
            return null;
        }
        return new ContainerDirectory(id, path, fd);
    }

    private static int Lock(string path)
    {
        int fd = SysError.Check(Libc.open(path, O.RDONLY | O.DIRECTORY | O.CLOEXEC, 0), "open", path);
        SysError.CheckRetry(() => Libc.flock(fd, 2 /* LOCK_EX */), "flock", path);
        return fd;
    }

    public RuntimeState? ReadState()
    {
        string file = System.IO.Path.Combine(Path, StateFile);
        if (!File.Exists(file)) return null;
        return RuntimeStateJson.Read(File.ReadAllBytes(file));
    }

    /// <summary>Writes state.json atomically (temp file + rename), so a reader never sees half a file.</summary>
    public void WriteState(RuntimeState state)
    {
        string file = System.IO.Path.Combine(Path, StateFile);
        string temp = file + ".tmp";
        File.WriteAllBytes(temp, RuntimeStateJson.Write(state));
        File.Move(temp, file, overwrite: true);
    }

    public void WriteConfig(byte[] configBytes) => File.WriteAllBytes(ConfigPath, configBytes);

    /// <summary>Removes the directory and everything in it; the lock goes with it.</summary>
    public void Remove()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }

    public void Dispose()
    {
        Fd.Close(_lockFd);
        _lockFd = -1;
    }
}
