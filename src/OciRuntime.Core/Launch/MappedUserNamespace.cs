using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Core.Launch;

/// <summary>
/// A descriptor for a user namespace with given mappings, for mount_setattr(MOUNT_ATTR_IDMAP). A multi-threaded
/// process can't unshare one, so our own binary is spawned as a holder (native/usernsholder.c) that unshares it
/// and waits; we write its maps, open /proc/&lt;pid&gt;/ns/user, and let it exit. The descriptor keeps the
/// namespace alive without any process in it.
/// </summary>
public static class MappedUserNamespace
{
    public const string HolderEnv = "_OCIRT_USERNS_HOLDER";

    /// <param name="mountField">The mount's JSON pointer; errors name its uidMappings or gidMappings.</param>
    public static int Open(IReadOnlyList<IdMapping> uidMappings, IReadOnlyList<IdMapping> gidMappings, string mountField)
    {
        var (parentEnd, childEnd) = Fd.SocketPair(Af.SOCK_STREAM);
        PidFd holder;
        try
        {
            holder = Spawner.Spawn("/proc/self/exe", ["ociruntime-userns"], [$"{HolderEnv}=3"], [(childEnd, 3)]);
        }
        catch
        {
            Libc.close(parentEnd);
            throw;
        }
        finally
        {
            Libc.close(childEnd);
        }

        using (holder)
        {
            try
            {
                Span<byte> ready = stackalloc byte[1];
                if (!Fd.ReadExactly(parentEnd, ready) || ready[0] != (byte)'u')
                    throw new RuntimeError($"{mountField}: could not create a user namespace for the idmapped mount");
                WriteMap($"/proc/{holder.Pid}/uid_map", uidMappings, $"{mountField}/uidMappings");
                WriteMap($"/proc/{holder.Pid}/gid_map", gidMappings, $"{mountField}/gidMappings");
                return SysError.Check(Libc.open($"/proc/{holder.Pid}/ns/user", O.RDONLY | O.CLOEXEC, 0), "open", $"/proc/{holder.Pid}/ns/user");
            }
            finally
            {
                // Closing our end releases the holder; reap it so nothing is left behind.
                Libc.close(parentEnd);
                holder.WaitForExitCode();
            }
        }
    }

    private static void WriteMap(string file, IReadOnlyList<IdMapping> mappings, string field)
    {
        try
        {
            File.WriteAllText(file, IdMapWriter.Format(mappings));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new RuntimeError($"{field}: writing {file}: {e.Message}");
        }
    }
}
