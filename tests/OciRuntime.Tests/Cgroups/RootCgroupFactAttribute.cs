using OciRuntime.Linux;
using Xunit;

namespace OciRuntime.Tests.Cgroups;

/// <summary>A test that creates real cgroups: needs root and a mounted cgroup filesystem.</summary>
public sealed class RootCgroupFactAttribute : FactAttribute
{
    public RootCgroupFactAttribute()
    {
        if (!OperatingSystem.IsLinux() || Libc.geteuid() != 0)
            Skip = "needs root";
        else if (!Directory.Exists("/sys/fs/cgroup") || !File.ReadAllText("/proc/self/mountinfo").Contains(" - cgroup"))
            Skip = "needs a mounted cgroup filesystem";
    }
}
