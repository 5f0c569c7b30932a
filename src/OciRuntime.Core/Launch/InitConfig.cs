using System.Text.Json;
using OciRuntime.Core.Json;
using OciRuntime.Core.Seccomp;

namespace OciRuntime.Core.Launch;

/// <summary>What the parent hands the managed init once it is inside the container's namespaces.</summary>
public sealed class InitConfig
{
    public const string CreateMode = "create", ExecMode = "exec";

    /// <summary>"create" builds a new container; "exec" starts one more process in a running one.</summary>
    public string Mode { get; set; } = CreateMode;
    public string Id { get; set; } = "";
    public string Bundle { get; set; } = "";
    public string Rootfs { get; set; } = "";
    /// <summary>The bundle's config.json as read by the parent (so init never re-reads a file that may have changed).</summary>
    public string ConfigJson { get; set; } = "";
    public bool NoPivot { get; set; }
    public bool NoNewKeyring { get; set; }
    /// <summary>With --rootfs-overlay, the directory holding the overlay's upper and work dirs; "" otherwise.</summary>
    public string OverlayDir { get; set; } = "";
    /// <summary>Descriptor number (in init) of an O_PATH handle on exec.fifo.</summary>
    public int FifoFd { get; set; }
    /// <summary>Extra descriptors from 3 up that the user process keeps (--preserve-fds).</summary>
    public int PreserveFds { get; set; }
    /// <summary>Descriptor number (in init) of a socket connected to --console-socket, or -1.</summary>
    public int ConsoleSocketFd { get; set; } = -1;
    /// <summary>Added to process.env (socket activation's LISTEN_FDS and LISTEN_PID).</summary>
    public List<string> ExtraEnv { get; set; } = [];
    /// <summary>Report stage timings with Ready (--debug).</summary>
    public bool Debug { get; set; }
    /// <summary>The OCI state hooks read on stdin, rendered by the parent (which knows init's host pid).</summary>
    public string CreatingStateJson { get; set; } = "";
    public string CreatedStateJson { get; set; } = "";
    /// <summary>linux.seccomp compiled by the parent, or null.</summary>
    public CompiledSeccomp? Seccomp { get; set; }

    public byte[] ToJson() => SmallJson.Write(w =>
    {
        w.WriteString("mode", Mode);
        w.WriteString("id", Id);
        w.WriteString("bundle", Bundle);
        w.WriteString("rootfs", Rootfs);
        w.WriteString("configJson", ConfigJson);
        w.WriteBoolean("noPivot", NoPivot);
        w.WriteBoolean("noNewKeyring", NoNewKeyring);
        w.WriteString("overlayDir", OverlayDir);
        w.WriteNumber("fifoFd", FifoFd);
        w.WriteNumber("preserveFds", PreserveFds);
        w.WriteNumber("consoleSocketFd", ConsoleSocketFd);
        SmallJson.WriteList(w, "extraEnv", ExtraEnv);
        w.WriteBoolean("debug", Debug);
        w.WriteString("creatingState", CreatingStateJson);
        w.WriteString("createdState", CreatedStateJson);
        if (Seccomp is not null)
        {
            w.WriteBase64String("seccompProgram", Seccomp.Program);
            w.WriteNumber("seccompFlags", Seccomp.Flags);
        }
    });

    public static InitConfig FromJson(ReadOnlyMemory<byte> json)
    {
        using var doc = JsonDocument.Parse(json);
        var o = doc.RootElement;
        return new InitConfig
        {
            Mode = SmallJson.String(o, "mode"),
            Id = SmallJson.String(o, "id"),
            Bundle = SmallJson.String(o, "bundle"),
            Rootfs = SmallJson.String(o, "rootfs"),
            ConfigJson = SmallJson.String(o, "configJson"),
            NoPivot = SmallJson.Bool(o, "noPivot"),
            NoNewKeyring = SmallJson.Bool(o, "noNewKeyring"),
            OverlayDir = o.TryGetProperty("overlayDir", out var overlay) ? overlay.GetString() ?? "" : "",
            FifoFd = (int)SmallJson.Long(o, "fifoFd"),
            PreserveFds = (int)SmallJson.Long(o, "preserveFds"),
            ConsoleSocketFd = o.TryGetProperty("consoleSocketFd", out var console) ? console.GetInt32() : -1,
            ExtraEnv = SmallJson.List(o, "extraEnv"),
            Debug = SmallJson.Bool(o, "debug"),
            CreatingStateJson = SmallJson.String(o, "creatingState"),
            CreatedStateJson = SmallJson.String(o, "createdState"),
            Seccomp = o.TryGetProperty("seccompProgram", out var program)
                ? new CompiledSeccomp(program.GetBytesFromBase64(), o.GetProperty("seccompFlags").GetUInt32(), [])
                : null,
        };
    }
}
