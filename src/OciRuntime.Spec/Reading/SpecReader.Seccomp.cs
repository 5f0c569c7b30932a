using OciRuntime.Spec.Model;
using OciRuntime.Spec.Reading;

namespace OciRuntime.Spec;

/// <summary>"linux.seccomp" (config-linux.md#seccomp).</summary>
public static partial class SpecReader
{
    private static LinuxSeccomp? ReadSeccomp(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var seccomp = new LinuxSeccomp();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "defaultAction": seccomp.DefaultAction = json.String(); break;
                case "defaultErrnoRet": seccomp.DefaultErrnoRet = json.NullableUInt32(); break;
                case "architectures": seccomp.Architectures = json.StringList(); break;
                case "flags": seccomp.Flags = json.StringList(); break;
                case "listenerPath": seccomp.ListenerPath = json.String(); break;
                case "listenerMetadata": seccomp.ListenerMetadata = json.String(); break;
                case "syscalls": seccomp.Syscalls = json.List(ReadSyscall); break;
                default: json.Skip(); break;
            }
        }
        return seccomp;
    }

    private static LinuxSyscall? ReadSyscall(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var syscall = new LinuxSyscall();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "names": syscall.Names = json.StringList(); break;
                case "action": syscall.Action = json.String(); break;
                case "errnoRet": syscall.ErrnoRet = json.NullableUInt32(); break;
                case "args": syscall.Args = json.List(ReadSeccompArg); break;
                default: json.Skip(); break;
            }
        }
        return syscall;
    }

    private static LinuxSeccompArg? ReadSeccompArg(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var arg = new LinuxSeccompArg();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "index": arg.Index = json.UInt32(); break;
                case "value": arg.Value = json.UInt64(); break;
                case "valueTwo": arg.ValueTwo = json.NullableUInt64(); break;
                case "op": arg.Op = json.String(); break;
                default: json.Skip(); break;
            }
        }
        return arg;
    }
}
