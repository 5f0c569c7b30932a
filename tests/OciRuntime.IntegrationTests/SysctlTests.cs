using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class SysctlTests : ContainerTest
{
    [RootFact]
    public void Namespaced_sysctls_are_set_inside_the_container_and_the_host_keeps_its_values()
    {
        string hostForward = File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim();
        string hostShmmax = File.ReadAllText("/proc/sys/kernel/shmmax").Trim();
        var bundle = NewBundle().Shell("cat /proc/sys/net/ipv4/ip_forward /proc/sys/kernel/shmmax /proc/sys/net/ipv4/conf/lo/forwarding")
            .Edit(c => c["linux"]!["sysctl"] = new JsonObject
            {
                ["net.ipv4.ip_forward"] = "1", ["kernel.shmmax"] = "123456789", ["net/ipv4/conf/lo/forwarding"] = "1",
            });
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.ShouldBe("1\n123456789\n1\n");
        File.ReadAllText("/proc/sys/net/ipv4/ip_forward").Trim().ShouldBe(hostForward);
        File.ReadAllText("/proc/sys/kernel/shmmax").Trim().ShouldBe(hostShmmax);
    }

    [RootFact]
    public void Proc_sys_stays_read_only_after_the_sysctls_are_written()
    {
        var bundle = NewBundle().Shell("echo 0 > /proc/sys/net/ipv4/ip_forward 2>/dev/null && echo written || echo refused; cat /proc/sys/net/ipv4/ip_forward")
            .Edit(c => c["linux"]!["sysctl"] = new JsonObject { ["net.ipv4.ip_forward"] = "1" });
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.ShouldBe("refused\n1\n");
    }
}
