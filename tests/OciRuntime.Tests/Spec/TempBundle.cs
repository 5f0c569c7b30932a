using System.Text;

namespace OciRuntime.Tests.Spec;

internal sealed class TempBundle : IDisposable
{
    public TempBundle()
    {
        Path = Directory.CreateTempSubdirectory("ociruntime-spec-").FullName;
    }

    public string Path { get; }

    public string Combine(string relative) => System.IO.Path.Combine(Path, relative);

    public TempBundle WithConfig(string json)
    {
        File.WriteAllText(Combine("config.json"), json, new UTF8Encoding(false));
        return this;
    }

    public TempBundle WithRootfs(string name = "rootfs")
    {
        Directory.CreateDirectory(Combine(name));
        return this;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
