using OciRuntime.Spec.Model;
using OciRuntime.Spec.Reading;

namespace OciRuntime.Spec;

/// <summary>"linux.resources" (config-linux.md#control-groups).</summary>
public static partial class SpecReader
{
    private static LinuxResources? ReadResources(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var resources = new LinuxResources();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "devices": resources.Devices = json.List(ReadDeviceCgroup); break;
                case "memory": resources.Memory = ReadMemory(ref json); break;
                case "cpu": resources.Cpu = ReadCpu(ref json); break;
                case "pids": resources.Pids = ReadPids(ref json); break;
                case "blockIO": resources.BlockIO = ReadBlockIO(ref json); break;
                case "hugepageLimits": resources.HugepageLimits = json.List(ReadHugepageLimit); break;
                case "network": resources.Network = ReadNetwork(ref json); break;
                case "rdma": resources.Rdma = json.Map(ReadRdma); break;
                case "unified": resources.Unified = json.StringMap(); break;
                default: json.Skip(); break;
            }
        }
        return resources;
    }

    private static LinuxDeviceCgroup? ReadDeviceCgroup(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var rule = new LinuxDeviceCgroup();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "allow": rule.Allow = json.Boolean(); break;
                case "type": rule.Type = json.String(); break;
                case "major": rule.Major = json.NullableInt64(); break;
                case "minor": rule.Minor = json.NullableInt64(); break;
                case "access": rule.Access = json.String(); break;
                default: json.Skip(); break;
            }
        }
        return rule;
    }

    private static LinuxMemory? ReadMemory(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var memory = new LinuxMemory();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "limit": memory.Limit = json.NullableInt64(); break;
                case "reservation": memory.Reservation = json.NullableInt64(); break;
                case "swap": memory.Swap = json.NullableInt64(); break;
                case "kernel": memory.Kernel = json.NullableInt64(); break;
                case "kernelTCP": memory.KernelTcp = json.NullableInt64(); break;
                case "swappiness": memory.Swappiness = json.NullableUInt64(); break;
                case "disableOOMKiller": memory.DisableOomKiller = json.NullableBoolean(); break;
                case "useHierarchy": memory.UseHierarchy = json.NullableBoolean(); break;
                case "checkBeforeUpdate": memory.CheckBeforeUpdate = json.NullableBoolean(); break;
                default: json.Skip(); break;
            }
        }
        return memory;
    }

    private static LinuxCpu? ReadCpu(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var cpu = new LinuxCpu();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "shares": cpu.Shares = json.NullableUInt64(); break;
                case "quota": cpu.Quota = json.NullableInt64(); break;
                case "burst": cpu.Burst = json.NullableUInt64(); break;
                case "period": cpu.Period = json.NullableUInt64(); break;
                case "realtimeRuntime": cpu.RealtimeRuntime = json.NullableInt64(); break;
                case "realtimePeriod": cpu.RealtimePeriod = json.NullableUInt64(); break;
                case "cpus": cpu.Cpus = json.String(); break;
                case "mems": cpu.Mems = json.String(); break;
                case "idle": cpu.Idle = json.NullableInt64(); break;
                default: json.Skip(); break;
            }
        }
        return cpu;
    }

    private static LinuxPids? ReadPids(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var pids = new LinuxPids();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "limit": pids.Limit = json.NullableInt64(); break;
                default: json.Skip(); break;
            }
        }
        return pids;
    }

    private static LinuxBlockIO? ReadBlockIO(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var blockIO = new LinuxBlockIO();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "weight": blockIO.Weight = json.NullableUInt16(); break;
                case "leafWeight": blockIO.LeafWeight = json.NullableUInt16(); break;
                case "weightDevice": blockIO.WeightDevice = json.List(ReadWeightDevice); break;
                case "throttleReadBpsDevice": blockIO.ThrottleReadBpsDevice = json.List(ReadThrottleDevice); break;
                case "throttleWriteBpsDevice": blockIO.ThrottleWriteBpsDevice = json.List(ReadThrottleDevice); break;
                case "throttleReadIOPSDevice": blockIO.ThrottleReadIopsDevice = json.List(ReadThrottleDevice); break;
                case "throttleWriteIOPSDevice": blockIO.ThrottleWriteIopsDevice = json.List(ReadThrottleDevice); break;
                default: json.Skip(); break;
            }
        }
        return blockIO;
    }

    private static LinuxWeightDevice? ReadWeightDevice(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var device = new LinuxWeightDevice();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "major": device.Major = json.Int64(); break;
                case "minor": device.Minor = json.Int64(); break;
                case "weight": device.Weight = json.NullableUInt16(); break;
                case "leafWeight": device.LeafWeight = json.NullableUInt16(); break;
                default: json.Skip(); break;
            }
        }
        return device;
    }

    private static LinuxThrottleDevice? ReadThrottleDevice(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var device = new LinuxThrottleDevice();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "major": device.Major = json.Int64(); break;
                case "minor": device.Minor = json.Int64(); break;
                case "rate": device.Rate = json.UInt64(); break;
                default: json.Skip(); break;
            }
        }
        return device;
    }

    private static LinuxHugepageLimit? ReadHugepageLimit(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var limit = new LinuxHugepageLimit();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "pageSize": limit.PageSize = json.String(); break;
                case "limit": limit.Limit = json.UInt64(); break;
                default: json.Skip(); break;
            }
        }
        return limit;
    }

    private static LinuxNetwork? ReadNetwork(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var network = new LinuxNetwork();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "classID": network.ClassId = json.NullableUInt32(); break;
                case "priorities": network.Priorities = json.List(ReadInterfacePriority); break;
                default: json.Skip(); break;
            }
        }
        return network;
    }

    private static LinuxInterfacePriority? ReadInterfacePriority(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var priority = new LinuxInterfacePriority();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "name": priority.Name = json.String(); break;
                case "priority": priority.Priority = json.UInt32(); break;
                default: json.Skip(); break;
            }
        }
        return priority;
    }

    private static LinuxRdma? ReadRdma(ref SpecJsonReader json)
    {
        if (!json.BeginObject())
            return null;
        var rdma = new LinuxRdma();
        while (json.NextProperty(out var name))
        {
            switch (name)
            {
                case "hcaHandles": rdma.HcaHandles = json.NullableUInt32(); break;
                case "hcaObjects": rdma.HcaObjects = json.NullableUInt32(); break;
                default: json.Skip(); break;
            }
        }
        return rdma;
    }
}
