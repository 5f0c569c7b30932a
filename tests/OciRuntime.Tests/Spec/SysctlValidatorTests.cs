using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class SysctlValidatorTests
{
    private static RuntimeSpec With(string key, params string[] dropNamespaces)
    {
        var spec = Specs.Valid();
        spec.Linux!.Namespaces = spec.Linux.Namespaces!.Where(n => !dropNamespaces.Contains(n.Type)).ToList();
        spec.Linux.Sysctl = new() { [key] = "1" };
        if (dropNamespaces.Contains("uts")) spec.Hostname = null;
        return spec;
    }

    [Theory]
    [InlineData("net.ipv4.ip_forward")]
    [InlineData("net/ipv4/conf/eth0.100/forwarding")]
    [InlineData("kernel.shmmax")]
    [InlineData("kernel.msgmnb")]
    [InlineData("kernel.sem")]
    [InlineData("kernel.shm_rmid_forced")]
    [InlineData("fs.mqueue.msg_max")]
    [InlineData("kernel.domainname")]
    [InlineData("kernel.hostname")]
    public void Namespaced_keys_are_accepted_when_the_container_has_that_namespace(string key) =>
        SpecValidator.FindProblems(With(key)).ShouldBeEmpty();

    [Theory]
    [InlineData("net.ipv4.ip_forward", "network", "requires a new network namespace")]
    [InlineData("kernel.shmmax", "ipc", "requires a new IPC namespace")]
    [InlineData("fs.mqueue.queues_max", "ipc", "requires a new IPC namespace")]
    [InlineData("kernel.domainname", "uts", "requires a new UTS namespace")]
    public void Namespaced_keys_need_their_namespace(string key, string missing, string cause)
    {
        var problem = Should.Throw<SpecException>(() => SpecValidator.Validate(With(key, missing)));
        problem.Pointer.ShouldBe($"/linux/sysctl/{key}");
        problem.Message.ShouldContain(cause);
    }

    [Theory]
    [InlineData("kernel.pid_max", "/linux/sysctl/kernel.pid_max")]
    [InlineData("vm.swappiness", "/linux/sysctl/vm.swappiness")]
    [InlineData("fs.mqueue", "/linux/sysctl/fs.mqueue")]
    [InlineData("net/../../kernel/pid_max", "/linux/sysctl/net~1..~1..~1kernel~1pid_max")]
    [InlineData("net..ipv4", "/linux/sysctl/net..ipv4")]
    public void Host_wide_or_malformed_keys_are_refused(string key, string pointer) =>
        Should.Throw<SpecException>(() => SpecValidator.Validate(With(key))).Pointer.ShouldBe(pointer);

    [Theory]
    [InlineData("net.ipv4.ip_forward", "net/ipv4/ip_forward")]
    [InlineData("net/ipv4/conf/eth0.100/forwarding", "net/ipv4/conf/eth0.100/forwarding")]
    public void Keys_map_to_files_under_proc_sys(string key, string path) =>
        SysctlKeys.RelativePath(key).ShouldBe(path);
}
