using System.Text.Json;
using OciRuntime.Cli.Args;
using OciRuntime.Core;
using OciRuntime.Linux;
using OciRuntime.Spec;

namespace OciRuntime.Cli.Commands;

/// <summary>spec: write a default config.json (runc's template) into the bundle directory.</summary>
public static class SpecCommand
{
    public static int Run(CommandContext context, string[] args)
    {
        var line = CommandLine.Parse(args, ["bundle", "b"], ["rootless"]);
        string bundle = line.Get("bundle", "b") ?? Directory.GetCurrentDirectory();
        string path = Path.Combine(bundle, SpecLoader.ConfigFileName);
        if (File.Exists(path)) throw new RuntimeError($"File {path} exists. Remove it first");
        var spec = line.Has("rootless") ? DefaultSpec.CreateRootless(Libc.geteuid(), Libc.getegid()) : DefaultSpec.Create();
        File.WriteAllBytes(path, JsonSerializer.SerializeToUtf8Bytes(spec, SpecJsonContext.Default.RuntimeSpec));
        return 0;
    }
}
