using OciRuntime.Cgroups;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Cgroups.Devices;

public class DevicePolicyTests
{
    private static DeviceRule Rule(string text)
    {
        // "allow c 1:3 rwm"
        string[] f = text.Split(' ', ':');
        long Number(string s) => s == "*" ? DeviceRule.Any : long.Parse(s);
        return new DeviceRule(f[0] == "allow", (DeviceKind)f[1][0], Number(f[2]), Number(f[3]), DeviceRule.ParseAccess(f[4])!.Value);
    }

    private static DevicePolicy Build(params string[] rules) => DevicePolicy.Build(rules.Select(Rule).ToArray());

    private static string[] Exceptions(DevicePolicy p) => p.Exceptions.Select(r => r.CgroupString).ToArray();

    [Fact]
    public void Starts_denying_everything()
    {
        var policy = Build();
        policy.DefaultAllow.ShouldBeFalse();
        policy.Exceptions.ShouldBeEmpty();
    }

    [Fact]
    public void An_all_rule_resets_the_default_and_forgets_earlier_exceptions()
    {
        Build("allow c 1:3 rwm", "allow a *:* rwm").ShouldSatisfyAllConditions(
            p => p.DefaultAllow.ShouldBeTrue(), p => p.Exceptions.ShouldBeEmpty());
        Build("allow a *:* rwm", "deny c 1:3 w", "deny a *:* rwm", "allow c 1:5 r").ShouldSatisfyAllConditions(
            p => p.DefaultAllow.ShouldBeFalse(), p => Exceptions(p).ShouldBe(["c 1:5 r"]));
    }

    [Fact]
    public void Allows_merge_and_later_denies_take_access_back()
    {
        var policy = Build("deny a *:* rwm", "allow c 1:3 r", "allow c 1:3 w", "allow c 1:5 rwm", "deny c 1:5 wm", "deny c 1:3 rw");
        Exceptions(policy).ShouldBe(["c 1:5 r"]);
        policy.Exceptions.ShouldAllBe(r => r.Allow);
    }

    [Fact]
    public void In_allow_all_mode_exceptions_are_denials()
    {
        var policy = Build("allow a *:* rwm", "deny b 8:* rw", "deny c 1:3 rwm", "allow c 1:3 m");
        Exceptions(policy).ShouldBe(["c 1:3 rw", "b 8:* rw"]);
        policy.Exceptions.ShouldAllBe(r => !r.Allow);
    }

    [Fact]
    public void Exceptions_are_sorted_by_major_minor_then_type_letter()
    {
        Exceptions(Build("allow c 10:200 rwm", "allow b 1:3 r", "allow c 1:3 rwm", "allow c *:* m"))
            .ShouldBe(["c *:* m", "b 1:3 r", "c 1:3 rwm", "c 10:200 rwm"]);
    }

    [Fact]
    public void Refuses_to_punch_a_hole_into_a_wildcard_naming_the_rule()
    {
        var e = Should.Throw<CgroupException>(() => DevicePolicy.Build([Rule("allow c *:* rwm"), Rule("deny c 1:3 r")]));
        e.Pointer.ShouldBe("/linux/resources/devices/1");
        e.Message.ShouldContain("c *:* rwm");
        Should.Throw<CgroupException>(() => Build("allow c 1:* rw", "deny c 1:3 w"));
        // Taking away access the wildcard doesn't give is fine.
        Exceptions(Build("allow c *:* m", "allow c 1:3 rwm", "deny c 1:3 rw")).ShouldBe(["c *:* m", "c 1:3 m"]);
    }

    [Fact]
    public void Reads_devices_list()
    {
        DevicePolicy.FromList("a *:* rwm\n").DefaultAllow.ShouldBeTrue();
        var policy = DevicePolicy.FromList("c *:* m\nb *:* m\nc 1:3 rwm\nc 136:* rwm\n");
        policy.DefaultAllow.ShouldBeFalse();
        Exceptions(policy).ShouldBe(["b *:* m", "c *:* m", "c 1:3 rwm", "c 136:* rwm"]);
        DevicePolicy.FromList("").ShouldSatisfyAllConditions(p => p.DefaultAllow.ShouldBeFalse(), p => p.Exceptions.ShouldBeEmpty());
    }

    [Fact]
    public void Transition_from_a_fresh_allow_all_cgroup_denies_all_then_allows_each_exception()
    {
        var target = Build("deny a *:* rwm", "allow c 1:3 rwm", "allow c 1:5 r");
        target.TransitionFrom(DevicePolicy.FromList("a *:* rwm"))
            .Select(r => (r.Allow, r.CgroupString))
            .ShouldBe([(false, "a *:* rwm"), (true, "c 1:3 rwm"), (true, "c 1:5 r")]);
    }

    [Fact]
    public void Transition_between_allow_lists_only_writes_the_difference()
    {
        var current = DevicePolicy.FromList("c 1:3 rwm\nc 1:5 rwm\n");
        var target = Build("allow c 1:3 rwm", "allow c 1:5 r", "allow c 1:7 rw");
        target.TransitionFrom(current).Select(r => (r.Allow, r.CgroupString))
            .ShouldBe([(false, "c 1:5 wm"), (true, "c 1:7 rw")]);
        target.TransitionFrom(DevicePolicy.FromList("c 1:3 rwm\nc 1:5 r\nc 1:7 rw\n")).ShouldBeEmpty();
    }

    [Fact]
    public void Transition_to_allow_all_resets_even_from_allow_all()
    {
        var target = Build("allow a *:* rwm", "deny c 1:3 w");
        target.TransitionFrom(DevicePolicy.FromList("a *:* rwm")).Select(r => (r.Allow, r.CgroupString))
            .ShouldBe([(true, "a *:* rwm"), (false, "c 1:3 w")]);
    }
}
