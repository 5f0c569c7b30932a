using System.Text.Json.Nodes;

namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// What `exec` was asked to run. Either a whole process object (--process) or args plus overrides applied on top
/// of the container's own process (its env, user, cwd and capabilities), as runc does.
/// </summary>
public sealed record ExecOptions(
    string Id,
    JsonObject? Process,
    IReadOnlyList<string> Args,
    IReadOnlyList<string> Env,
    string? Cwd = null,
    string? User = null,
    IReadOnlyList<uint>? AdditionalGids = null,
    IReadOnlyList<string>? AddCapabilities = null,
    bool NoNewPrivileges = false,
    bool Tty = false,
    string? PidFile = null,
    string? ConsoleSocket = null,
    int ConsoleSocketFd = -1,
    int PreserveFds = 0);
