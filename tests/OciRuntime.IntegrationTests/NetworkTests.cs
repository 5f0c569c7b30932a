using System.Diagnostics;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// `spec --network bridge` and the `network` hook verb, netDevices, and lo in a new network namespace.
/// Each test owns a bridge with a random name and a random 10.211.x.0/24 subnet, deleted at the end, so it never
/// touches a user's bridge or another test run's; no traffic leaves these namespaces and that bridge.
/// </summary>
public sealed class NetworkTests : ContainerTest
{
    private readonly string _bridge = $"ocirt-t{Random.Shared.Next(0x1000000):x6}";
    private readonly string _subnet = $"10.211.{Random.Shared.Next(1, 255)}";
    private readonly List<string> _interfaces = new();
    private string BridgeIp => $"{_subnet}.1/24";
    private string TablePath => Path.Combine(StateRoot, "network", _bridge + ".json");

    /// <summary>A bundle from `spec --network bridge` on this test's bridge, running <paramref name="script"/>.</summary>
    private string NetworkBundle(string script, params string[] extraHookArgs)
    {
        var bundle = NewBundle();
        File.Delete(Path.Combine(bundle.Dir, "config.json"));
        Ok("spec", "--bundle", bundle.Dir, "--network", "bridge", "--bridge", _bridge, "--bridge-ip", BridgeIp);
        var config = JsonNode.Parse(File.ReadAllText(Path.Combine(bundle.Dir, "config.json")))!.AsObject();
        config["root"]!["path"] = RuntimeBinary.BusyboxRootfs;
        config["process"]!["terminal"] = false;
        config["process"]!["args"] = new JsonArray("sh", "-c", script);
        foreach (var hook in config["hooks"]!["createRuntime"]!.AsArray())
            foreach (string arg in extraHookArgs) hook!["args"]!.AsArray().Add(arg);
        File.WriteAllText(Path.Combine(bundle.Dir, "config.json"), config.ToJsonString());
        return bundle.Dir;
    }

    private Dictionary<string, JsonNode?> Leases() =>
        File.Exists(TablePath) && new FileInfo(TablePath).Length > 0 ? JsonNode.Parse(File.ReadAllText(TablePath))!["containers"]!.AsObject().ToDictionary(p => p.Key, p => p.Value) : [];

    private string AddressOf(string id) => (string)Leases()[id]!["address"]!;

    private string[] BridgePorts() => Directory.Exists($"/sys/class/net/{_bridge}/brif") ? Directory.GetFileSystemEntries($"/sys/class/net/{_bridge}/brif") : [];

    private static string Ip(params string[] args)
    {
        var psi = new ProcessStartInfo("ip") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi)!;
        string output = p.StandardOutput.ReadToEnd() + p.StandardError.ReadToEnd();
        p.WaitForExit();
        return output;
    }

    private static string Reply(string address, int port)
    {
        using var client = new TcpClient();
        client.ReceiveTimeout = 5000;
        client.Connect(address, port);
        using var stream = client.GetStream();
        var buffer = new byte[256];
        var text = new StringBuilder();
        int n;
        while ((n = stream.Read(buffer)) > 0) text.Append(Encoding.UTF8.GetString(buffer, 0, n));
        return text.ToString();
    }

    /// <summary>Retries while the server inside the container is still starting.</summary>
    private static string ReplyWhenListening(string address, int port)
    {
        for (int attempt = 0; ; attempt++)
        {
            try { return Reply(address, port); }
            catch (SocketException) when (attempt < 100) { Thread.Sleep(50); }
        }
    }

    [RootFact]
    public void A_host_client_reaches_a_server_in_a_bridge_networked_container()
    {
        string id = NewId();
        Ok("create", "-b", NetworkBundle("echo hello from $(hostname) | nc -l -p 8080; sleep 1000"), id);
        Ok("start", id);
        string address = AddressOf(id);
        address.ShouldStartWith(_subnet + ".");

        ReplyWhenListening(address, 8080).ShouldBe("hello from ociruntime\n");
        BridgePorts().Length.ShouldBe(1);
        var inside = Ok("exec", id, "sh", "-c", "ip -o -4 addr show eth0; ip route");
        inside.Stdout.ShouldContain($"inet {address}/24");
        inside.Stdout.ShouldContain($"default via {_subnet}.1 dev eth0");
    }

    [RootFact]
    public void Two_containers_get_different_addresses_and_talk_over_the_bridge_and_delete_leaves_nothing()
    {
        string server = NewId("srv");
        Ok("create", "-b", NetworkBundle("echo pong | nc -l -p 9000; sleep 1000"), server);
        Ok("start", server);
        string serverAddress = AddressOf(server);

        string client = NewId("cli");
        var run = Ok("run", "-b", NetworkBundle($"for i in $(seq 50); do nc {serverAddress} 9000 && exit 0; sleep 0.1; done; exit 1"), client);
        run.Stdout.ShouldBe("pong\n");

        // The client's address was handed back when its run ended; the server still holds its own.
        Leases().Keys.ShouldBe([server]);
        BridgePorts().Length.ShouldBe(1);
        Ok("delete", "--force", server);
        Leases().ShouldBeEmpty();
        BridgePorts().ShouldBeEmpty();
    }

    [RootFact]
    public void Concurrent_containers_never_share_an_address()
    {
        string a = NewId("a"), b = NewId("b");
        Ok("create", "-b", NetworkBundle("sleep 1000"), a);
        Ok("create", "-b", NetworkBundle("sleep 1000"), b);
        AddressOf(a).ShouldNotBe(AddressOf(b));
        BridgePorts().Length.ShouldBe(2);
    }

    [RootFact]
    public void An_address_outside_the_subnet_is_refused_naming_the_flag_and_leaves_nothing()
    {
        string id = NewId();
        var r = Runtime.Run("create", "-b", NetworkBundle("sleep 1000", "--address", "10.99.0.5"), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("--address 10.99.0.5: outside the bridge subnet");
        Runtime.Run("state", id).ExitCode.ShouldNotBe(0);
        Leases().ShouldBeEmpty();
        BridgePorts().ShouldBeEmpty();
    }

    [RootFact]
    public void An_address_in_use_is_refused_and_the_second_container_leaves_nothing()
    {
        string first = NewId("a");
        Ok("create", "-b", NetworkBundle("sleep 1000", "--address", $"{_subnet}.77"), first);
        AddressOf(first).ShouldBe($"{_subnet}.77");

        string second = NewId("b");
        var r = Runtime.Run("create", "-b", NetworkBundle("sleep 1000", "--address", $"{_subnet}.77"), second);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain($"--address {_subnet}.77: in use by container {first}");
        Leases().Keys.ShouldBe([first]);
        BridgePorts().Length.ShouldBe(1);
    }

    [RootFact]
    public void A_create_failing_after_the_network_hook_releases_the_address_through_poststop()
    {
        string dir = NetworkBundle("sleep 1000");
        string configPath = Path.Combine(dir, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        config["hooks"]!["createContainer"] = new JsonArray(new JsonObject { ["path"] = "/bin/false" });
        File.WriteAllText(configPath, config.ToJsonString());

        string id = NewId();
        var r = Runtime.Run("create", "-b", dir, id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/hooks/createContainer/0");
        Leases().ShouldBeEmpty();
        BridgePorts().ShouldBeEmpty();
    }

    [RootFact]
    public void A_container_without_its_own_network_namespace_is_refused_before_the_host_is_touched()
    {
        string dir = NetworkBundle("sleep 1000");
        string configPath = Path.Combine(dir, "config.json");
        var config = JsonNode.Parse(File.ReadAllText(configPath))!.AsObject();
        var namespaces = config["linux"]!["namespaces"]!.AsArray();
        namespaces.Remove(namespaces.First(n => (string)n!["type"]! == "network"));
        File.WriteAllText(configPath, config.ToJsonString());

        var r = Runtime.Run("create", "-b", dir, NewId());
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("shares the host's network namespace");
        Directory.Exists($"/sys/class/net/{_bridge}").ShouldBeFalse();
        Leases().ShouldBeEmpty();
    }

    [RootFact]
    public void A_bridge_name_longer_than_the_kernel_allows_is_refused_by_spec()
    {
        var bundle = NewBundle();
        File.Delete(Path.Combine(bundle.Dir, "config.json"));
        var r = Runtime.Run("spec", "--bundle", bundle.Dir, "--network", "bridge", "--bridge", "ocirt-much-too-long");
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("--bridge: interface name ocirt-much-too-long is longer than 15 bytes");
        File.Exists(Path.Combine(bundle.Dir, "config.json")).ShouldBeFalse();
    }

    [RootFact]
    public void Loopback_is_up_in_a_new_network_namespace()
    {
        var r = Ok("run", "-b", NewBundle("sh", "-c", "ip -o link show lo; echo ok | nc -l -p 7000 & sleep 0.2; nc 127.0.0.1 7000").Write(), NewId());
        r.Stdout.ShouldContain("<LOOPBACK,UP,LOWER_UP>");
        r.Stdout.ShouldEndWith("ok\n");
    }

    /// <summary>A dummy interface to hand to a container; a veth pair where the kernel is built without dummy (as this VM's is).</summary>
    private string Dummy(string address)
    {
        string suffix = $"{Random.Shared.Next(0x1000000):x6}", name = $"ocirt-d{suffix}";
        _interfaces.Add(name);
        if (Ip("link", "add", name, "type", "dummy").Contains("Unknown device type"))
            Ip("link", "add", name, "type", "veth", "peer", "name", $"ocirt-p{suffix}").ShouldBeEmpty();
        Directory.Exists($"/sys/class/net/{name}").ShouldBeTrue();
        Ip("addr", "add", address, "dev", name).ShouldBeEmpty();
        return name;
    }

    private Bundle NetDeviceBundle(string hostName, string? nameInside) => NewBundle("sleep", "1000").Edit(c =>
        c["linux"]!["netDevices"] = new JsonObject { [hostName] = nameInside is null ? new JsonObject() : new JsonObject { ["name"] = nameInside } });

    [RootFact]
    public void NetDevices_moves_a_dummy_in_renamed_with_its_address_and_delete_moves_it_back()
    {
        string dummy = Dummy($"{_subnet}.9/24");
        string id = CreateSleeper(NetDeviceBundle(dummy, "ctr0"));

        Directory.Exists($"/sys/class/net/{dummy}").ShouldBeFalse();
        Ok("start", id);
        var inside = Ok("exec", id, "ip", "-o", "-4", "addr", "show", "ctr0");
        inside.Stdout.ShouldContain($"inet {_subnet}.9/24");

        Ok("delete", "--force", id);
        Directory.Exists($"/sys/class/net/{dummy}").ShouldBeTrue();
        Ip("-o", "-4", "addr", "show", dummy).ShouldContain($"inet {_subnet}.9/24");
    }

    [RootFact]
    public void NetDevices_refuses_a_missing_device_and_a_taken_name_and_leaves_the_device_on_the_host()
    {
        var missing = Runtime.Run("create", "-b", NetDeviceBundle("ocirt-nodev", null).Write(), NewId());
        missing.ExitCode.ShouldNotBe(0);
        missing.Stderr.ShouldContain("/linux/netDevices/ocirt-nodev: no network device ocirt-nodev on the host");

        string dummy = Dummy($"{_subnet}.10/24");
        string id = NewId();
        var taken = Runtime.Run("create", "-b", NetDeviceBundle(dummy, "lo").Write(), id);
        taken.ExitCode.ShouldNotBe(0);
        taken.Stderr.ShouldContain($"/linux/netDevices/{dummy}: the container already has a network device named lo");
        Directory.Exists($"/sys/class/net/{dummy}").ShouldBeTrue();
        Runtime.Run("state", id).ExitCode.ShouldNotBe(0);
    }

    public override void Dispose()
    {
        base.Dispose();
        foreach (string name in _interfaces) Ip("link", "del", name);
        Ip("link", "del", _bridge);
    }
}
