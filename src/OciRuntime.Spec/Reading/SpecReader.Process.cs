using OciRuntime.Spec.Model;
using OciRuntime.Spec.Reading;

namespace OciRuntime.Spec;

/// <summary>"process" (config.md#process).</summary>
public static partial class SpecReader
{
    private static Process? ReadProcess(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var process = new Process();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "terminal": process.Terminal = json.NullableBoolean(); break;
                case "consoleSize": process.ConsoleSize = ReadConsoleSize(ref json); break;
                case "user": process.User = ReadUser(ref json); break;
                case "args": process.Args = json.StringList(); break;
                case "commandLine": process.CommandLine = json.String(); break;
                case "env": process.Env = json.StringList(); break;
                case "cwd": process.Cwd = json.String(); break;
                case "capabilities": process.Capabilities = ReadCapabilities(ref json); break;
                case "rlimits": process.Rlimits = json.List(ReadRlimit); break;
                case "noNewPrivileges": process.NoNewPrivileges = json.NullableBoolean(); break;
                case "apparmorProfile": process.ApparmorProfile = json.String(); break;
                case "oomScoreAdj": process.OomScoreAdj = json.NullableInt32(); break;
                case "scheduler": process.Scheduler = ReadScheduler(ref json); break;
                case "selinuxLabel": process.SelinuxLabel = json.String(); break;
                case "ioPriority": process.IoPriority = ReadIoPriority(ref json); break;
                case "execCPUAffinity": process.ExecCpuAffinity = ReadExecCpuAffinity(ref json); break;
                default: json.Skip(); break;
            }
        }
        return process;
    }

    private static ConsoleSize? ReadConsoleSize(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var size = new ConsoleSize();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "height": size.Height = json.UInt64(); break;
                case "width": size.Width = json.UInt64(); break;
                default: json.Skip(); break;
            }
        }
        return size;
    }

    private static User? ReadUser(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var user = new User();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "uid": user.Uid = json.UInt32(); break;
                case "gid": user.Gid = json.UInt32(); break;
                case "umask": user.Umask = json.NullableUInt32(); break;
                case "additionalGids": user.AdditionalGids = json.UInt32List(); break;
                case "username": user.Username = json.String(); break;
                default: json.Skip(); break;
            }
        }
        return user;
    }

    private static LinuxCapabilities? ReadCapabilities(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var capabilities = new LinuxCapabilities();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "bounding": capabilities.Bounding = json.StringList(); break;
                case "effective": capabilities.Effective = json.StringList(); break;
                case "inheritable": capabilities.Inheritable = json.StringList(); break;
                case "permitted": capabilities.Permitted = json.StringList(); break;
                case "ambient": capabilities.Ambient = json.StringList(); break;
                default: json.Skip(); break;
            }
        }
        return capabilities;
    }

    private static PosixRlimit? ReadRlimit(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var rlimit = new PosixRlimit();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "type": rlimit.Type = json.String(); break;
                case "hard": rlimit.Hard = json.UInt64(); break;
                case "soft": rlimit.Soft = json.UInt64(); break;
                default: json.Skip(); break;
            }
        }
        return rlimit;
    }

    private static Scheduler? ReadScheduler(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var scheduler = new Scheduler();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "policy": scheduler.Policy = json.String(); break;
                case "nice": scheduler.Nice = json.NullableInt32(); break;
                case "priority": scheduler.Priority = json.NullableInt32(); break;
                case "flags": scheduler.Flags = json.StringList(); break;
                case "runtime": scheduler.Runtime = json.NullableUInt64(); break;
                case "deadline": scheduler.Deadline = json.NullableUInt64(); break;
                case "period": scheduler.Period = json.NullableUInt64(); break;
                default: json.Skip(); break;
            }
        }
        return scheduler;
    }

    private static IoPriority? ReadIoPriority(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var priority = new IoPriority();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "class": priority.Class = json.String(); break;
                case "priority": priority.Priority = json.Int32(); break;
                default: json.Skip(); break;
            }
        }
        return priority;
    }

    private static ExecCpuAffinity? ReadExecCpuAffinity(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var affinity = new ExecCpuAffinity();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "initial": affinity.Initial = json.String(); break;
                case "final": affinity.Final = json.String(); break;
                default: json.Skip(); break;
            }
        }
        return affinity;
    }
}
