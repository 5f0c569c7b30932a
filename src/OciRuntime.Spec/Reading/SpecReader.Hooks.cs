using OciRuntime.Spec.Model;
using OciRuntime.Spec.Reading;

namespace OciRuntime.Spec;

/// <summary>"hooks" (config.md#posix-platform-hooks).</summary>
public static partial class SpecReader
{
    private static Hooks? ReadHooks(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var hooks = new Hooks();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "prestart": hooks.Prestart = json.List(ReadHook); break;
                case "createRuntime": hooks.CreateRuntime = json.List(ReadHook); break;
                case "createContainer": hooks.CreateContainer = json.List(ReadHook); break;
                case "startContainer": hooks.StartContainer = json.List(ReadHook); break;
                case "poststart": hooks.Poststart = json.List(ReadHook); break;
                case "poststop": hooks.Poststop = json.List(ReadHook); break;
                default: json.Skip(); break;
            }
        }
        return hooks;
    }

    private static Hook? ReadHook(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var hook = new Hook();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "path": hook.Path = json.String(); break;
                case "args": hook.Args = json.StringList(); break;
                case "env": hook.Env = json.StringList(); break;
                case "timeout": hook.Timeout = json.NullableInt32(); break;
                default: json.Skip(); break;
            }
        }
        return hook;
    }
}
