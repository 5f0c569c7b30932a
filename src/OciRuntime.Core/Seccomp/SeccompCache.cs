using System.Text;
using OciRuntime.Linux.Seccomp;

namespace OciRuntime.Core.Seccomp;

/// <summary>
/// Engines give every container the same profile (Podman's default names about 430 syscalls on three
/// architectures) and libseccomp takes ~15 ms to compile it, half of a create. So the compiled program is kept in
/// the state root, under a hash of the plan and of everything the result depends on besides it: the kernel, the
/// libseccomp build and our own binary. A later create with the same profile reads it back. The file name is only a
/// 64-bit FNV-1a of that description (a cryptographic hash would load OpenSSL, ~10 ms); the description itself is
/// stored in the file and compared in full, so a collision costs a compile, never a wrong filter.
/// </summary>
public sealed class SeccompCache(string directory)
{
    private const uint Magic = 0x31435353; // "SSC1"

    public CompiledSeccomp GetOrAdd(SeccompPlan plan, Func<CompiledSeccomp> compile)
    {
        string? description = Describe(plan);
        if (description is null) return compile();
        string file = Path.Combine(directory, Fnv1a(description).ToString("x16"));
        if (TryRead(file, description) is { } cached) return cached;
        var compiled = compile();
        TryWrite(file, description, compiled);
        return compiled;
    }

    /// <summary>Null when the inputs can't be pinned down (no libseccomp where we look): then nothing is cached.</summary>
    private static string? Describe(SeccompPlan plan)
    {
        if (LibSeccompIdentity() is not { } library) return null;
        var text = new StringBuilder()
            .Append(File.ReadAllText("/proc/sys/kernel/osrelease").Trim()).Append('\n')
            .Append(library).Append('\n')
            .Append(FileIdentity("/proc/self/exe")).Append('\n')
            .Append(plan.DefaultAction).Append(' ').Append(plan.Flags).Append('\n')
            .AppendJoin(',', plan.Architectures.Select(a => a.Name)).Append('\n')
            .AppendJoin(',', plan.SyscallNames).Append('\n');
        foreach (var rule in plan.Rules)
        {
            text.Append(rule.Syscall).Append(' ').Append(rule.Action);
            foreach (var c in rule.Conditions) text.Append(' ').Append(c.Index).Append(':').Append(c.Op).Append(':').Append(c.DatumA).Append(':').Append(c.DatumB);
            text.Append('\n');
        }
        return text.ToString();
    }

    private static ulong Fnv1a(string text)
    {
        ulong hash = 0xcbf29ce484222325;
        foreach (byte b in Encoding.UTF8.GetBytes(text)) hash = (hash ^ b) * 0x100000001b3;
        return hash;
    }

    private static string? LibSeccompIdentity()
    {
        string[] candidates =
        [
            "/usr/lib/x86_64-linux-gnu/libseccomp.so.2", "/lib/x86_64-linux-gnu/libseccomp.so.2",
            "/usr/lib64/libseccomp.so.2", "/usr/lib/libseccomp.so.2",
        ];
        return candidates.Where(File.Exists).Select(FileIdentity).FirstOrDefault();
    }

    private static string FileIdentity(string path)
    {
        var file = File.ResolveLinkTarget(path, returnFinalTarget: true) as FileInfo ?? new FileInfo(path);
        return $"{file.FullName} {file.Length} {file.LastWriteTimeUtc.Ticks}";
    }

    private static CompiledSeccomp? TryRead(string file, string description)
    {
        try
        {
            using var reader = new BinaryReader(File.OpenRead(file));
            if (reader.ReadUInt32() != Magic || reader.ReadString() != description) return null;
            uint flags = reader.ReadUInt32();
            var unknown = reader.ReadString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
            byte[] program = reader.ReadBytes(reader.ReadInt32());
            return new CompiledSeccomp(program, flags, unknown);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or EndOfStreamException)
        {
            return null;
        }
    }

    /// <summary>Written whole to a temporary name and renamed, so a concurrent create reads all of it or nothing.</summary>
    private void TryWrite(string file, string description, CompiledSeccomp compiled)
    {
        try
        {
            Directory.CreateDirectory(directory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            string temporary = $"{file}.{Environment.ProcessId}";
            using (var writer = new BinaryWriter(File.Create(temporary)))
            {
                writer.Write(Magic);
                writer.Write(description);
                writer.Write(compiled.Flags);
                writer.Write(string.Join('\n', compiled.UnknownSyscalls));
                writer.Write(compiled.Program.Length);
                writer.Write(compiled.Program);
            }
            File.Move(temporary, file, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A cache that can't be written only costs the next create the compile.
        }
    }
}
