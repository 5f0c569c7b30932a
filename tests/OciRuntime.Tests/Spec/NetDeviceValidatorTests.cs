using OciRuntime.Spec;
using OciRuntime.Spec.Model;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Spec;

public sealed class NetDeviceValidatorTests
{
    private static RuntimeSpec WithDevices(params (string Host, string? Name)[] devices)
    {
        var spec = Specs.Valid();
        spec.Linux!.NetDevices = devices.ToDictionary(d => d.Host, d => new LinuxNetDevice { Name = d.Name });
        return spec;
    }

    [Fact]
    public void Valid_devices_pass()
    {
        SpecValidator.FindProblems(WithDevices(("eth1", null), ("dummy0", "ctr0"))).ShouldBeEmpty();
    }

    [Theory]
    [InlineData("a-name-longer-than-15", null, "/linux/netDevices/a-name-longer-than-15")]
    [InlineData("eth1", "bad name", "/linux/netDevices/eth1/name")]
    [InlineData("eth1", "a/b", "/linux/netDevices/eth1/name")]
    [InlineData("eth1", "..", "/linux/netDevices/eth1/name")]
    public void Invalid_names_are_refused_at_their_pointer(string host, string? name, string pointer)
    {
        Should.Throw<SpecException>(() => SpecValidator.Validate(WithDevices((host, name)))).Pointer.ShouldBe(pointer);
    }

    [Fact]
    public void Two_devices_may_not_get_the_same_name_inside()
    {
        var problem = Should.Throw<SpecException>(() => SpecValidator.Validate(WithDevices(("eth1", "ctr0"), ("eth2", "ctr0"))));
        problem.Pointer.ShouldBe("/linux/netDevices/eth2");
        problem.Cause.ShouldContain("two devices named ctr0");
    }

    [Fact]
    public void Devices_need_a_network_namespace()
    {
        var spec = WithDevices(("eth1", null));
        spec.Linux!.Namespaces!.RemoveAll(n => n.Type == NamespaceTypes.Network);
        Should.Throw<SpecException>(() => SpecValidator.Validate(spec)).Pointer.ShouldBe("/linux/netDevices");
    }
}
