using OciRuntime.Core.Seccomp;
using OciRuntime.Linux;
using OciRuntime.Linux.Seccomp;

namespace OciRuntime.Init.Appliers;

/// <summary>
/// linux.seccomp: loads the program the parent compiled on this thread (the one that will execve), and passes a
/// listener descriptor, when a rule notifies, to <paramref name="handOverListener"/> before closing our copy.
/// </summary>
public sealed class SeccompApplier(CompiledSeccomp? seccomp, Action<int> handOverListener)
{
    public void Apply()
    {
        if (seccomp is null) return;
        int listener = SeccompLoader.Load(seccomp.Program, seccomp.Flags);
        if (listener < 0) return;
        try { handOverListener(listener); }
        finally { Libc.close(listener); }
    }
}
