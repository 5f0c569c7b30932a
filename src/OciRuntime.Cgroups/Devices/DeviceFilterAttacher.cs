using System.Text;
using OciRuntime.Linux;

namespace OciRuntime.Cgroups;

/// <summary>
/// Loads a device filter program with bpf(2) and attaches it to a cgroup2 directory, replacing the programs
/// attached there before (ours, from an earlier create or update). The new program is attached before the
/// old ones are detached, so the cgroup is never without a filter; while both are attached a device must
/// pass both (the kernel ANDs the verdicts of BPF_F_ALLOW_MULTI programs).
/// </summary>
internal static unsafe class DeviceFilterAttacher
{
    private const int SysBpf = 321; // x86_64
    private const int BpfProgLoad = 5, BpfProgAttach = 8, BpfProgDetach = 9, BpfProgGetFdById = 13, BpfProgQuery = 16;
    private const uint ProgTypeCgroupDevice = 15, AttachTypeCgroupDevice = 6, FlagAllowMulti = 2;
    private const int AttrSize = 128, MaxAttached = 64, LogSize = 64 * 1024;
    private static readonly byte[] License = "Apache\0"u8.ToArray();

    /// <exception cref="CgroupException">The kernel refused to load or attach the program.</exception>
    public static void Replace(string cgroupDirectory, IReadOnlyList<BpfInstruction> program)
    {
        int directory = Libc.open(cgroupDirectory, O.RDONLY | O.DIRECTORY | O.CLOEXEC, 0);
        if (directory < 0) throw Failure($"opening {cgroupDirectory}", Errno.Last, cgroupDirectory);
        try
        {
            uint[] previous = AttachedPrograms(directory, cgroupDirectory);
            int loaded = Load(program);
            try
            {
                Attach(directory, loaded, cgroupDirectory);
            }
            finally
            {
                Libc.close(loaded); // the attachment keeps the program alive
            }
            foreach (uint id in previous) Detach(directory, id, cgroupDirectory);
        }
        finally
        {
            Libc.close(directory);
        }
    }

    /// <summary>The ids of the device programs attached to the cgroup directory itself.</summary>
    public static uint[] AttachedPrograms(int directory, string cgroupDirectory)
    {
        byte* attr = stackalloc byte[AttrSize];
        uint* ids = stackalloc uint[MaxAttached];
        new Span<byte>(attr, AttrSize).Clear();
        *(uint*)(attr + 0) = (uint)directory;
        *(uint*)(attr + 4) = AttachTypeCgroupDevice;
        *(ulong*)(attr + 16) = (ulong)ids;
        *(uint*)(attr + 24) = MaxAttached;
        if (Bpf(BpfProgQuery, attr) < 0) throw Failure($"querying the device programs of {cgroupDirectory}", Errno.Last, cgroupDirectory);
        uint count = *(uint*)(attr + 24);
        return new ReadOnlySpan<uint>(ids, (int)Math.Min(count, MaxAttached)).ToArray();
    }

    private static int Load(IReadOnlyList<BpfInstruction> program)
    {
        ulong[] code = program.Select(i => i.Encode()).ToArray();
        int fd = TryLoad(code, log: null, out int errno);
        if (fd >= 0) return fd;

        // Load again with the verifier's log, to say why.
        byte[] log = new byte[LogSize];
        TryLoad(code, log, out _);
        string verifier = Encoding.UTF8.GetString(log, 0, Math.Max(0, Array.IndexOf(log, (byte)0))).Trim();
        throw Failure($"loading the device filter program ({code.Length} instructions){(verifier.Length > 0 ? $" [{verifier.ReplaceLineEndings("; ")}]" : "")}", errno, null);
    }

    private static int TryLoad(ulong[] code, byte[]? log, out int errno)
    {
        byte* attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        fixed (ulong* instructions = code)
        fixed (byte* license = License)
        fixed (byte* logBuffer = log)
        {
            *(uint*)(attr + 0) = ProgTypeCgroupDevice;
            *(uint*)(attr + 4) = (uint)code.Length;
            *(ulong*)(attr + 8) = (ulong)instructions;
            *(ulong*)(attr + 16) = (ulong)license;
            if (log is not null)
            {
                *(uint*)(attr + 24) = 1;
                *(uint*)(attr + 28) = (uint)log.Length;
                *(ulong*)(attr + 32) = (ulong)logBuffer;
            }
            "ociruntime_dev"u8.CopyTo(new Span<byte>(attr + 48, 16));
            int fd = (int)Bpf(BpfProgLoad, attr);
            errno = fd < 0 ? Errno.Last : 0;
            return fd;
        }
    }

    private static void Attach(int directory, int program, string cgroupDirectory)
    {
        byte* attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        *(uint*)(attr + 0) = (uint)directory;
        *(uint*)(attr + 4) = (uint)program;
        *(uint*)(attr + 8) = AttachTypeCgroupDevice;
        *(uint*)(attr + 12) = FlagAllowMulti;
        if (Bpf(BpfProgAttach, attr) < 0) throw Failure($"attaching the device filter program to {cgroupDirectory}", Errno.Last, cgroupDirectory);
    }

    private static void Detach(int directory, uint id, string cgroupDirectory)
    {
        byte* attr = stackalloc byte[AttrSize];
        new Span<byte>(attr, AttrSize).Clear();
        *(uint*)(attr + 0) = id;
        int program = (int)Bpf(BpfProgGetFdById, attr);
        if (program < 0)
        {
            if (Errno.Last == Errno.ENOENT) return; // already gone
            throw Failure($"opening device program {id} of {cgroupDirectory}", Errno.Last, cgroupDirectory);
        }
        try
        {
            new Span<byte>(attr, AttrSize).Clear();
            *(uint*)(attr + 0) = (uint)directory;
            *(uint*)(attr + 4) = (uint)program;
            *(uint*)(attr + 8) = AttachTypeCgroupDevice;
            if (Bpf(BpfProgDetach, attr) < 0 && Errno.Last != Errno.ENOENT)
                throw Failure($"detaching the previous device program {id} from {cgroupDirectory}", Errno.Last, cgroupDirectory);
        }
        finally
        {
            Libc.close(program);
        }
    }

    private static nint Bpf(int command, byte* attr) => Libc.syscall(SysBpf, command, (nint)attr, AttrSize, 0, 0);

    private static CgroupException Failure(string what, int errno, string? path) =>
        new(ResourcePointers.Devices, $"{what}: {Errno.Describe(errno)}", errno, path);
}
