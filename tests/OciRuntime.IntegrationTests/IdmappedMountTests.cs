using System.Diagnostics;
using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// Idmapped bind mounts (runtime-spec 1.1): a mount's uidMappings/gidMappings, or idmap/ridmap with the
/// container's user namespace. A mapping {containerID c, hostID h} shows a file owned by c on disk as owned by h
/// (runc's semantics), and a file made through the mount by h lands on disk as c. The source lives under /tmp,
/// ext4 here, which supports idmapping.
/// </summary>
public sealed class IdmappedMountTests : ContainerTest
{
    private const uint Overflow = 65534;

    private static JsonArray Map(uint containerId, uint hostId, uint size) =>
        new(new JsonObject { ["containerID"] = containerId, ["hostID"] = hostId, ["size"] = size });

    private static JsonObject MappedBind(string source, string destination, params string[] options) => new()
    {
        ["destination"] = destination, ["source"] = source, ["options"] = new JsonArray(options.Select(o => JsonValue.Create(o)).ToArray<JsonNode?>()),
        ["uidMappings"] = Map(0, 100000, 65536), ["gidMappings"] = Map(0, 100000, 65536),
    };

    /// <summary>Root in the container is host uid 100000, which can't create mount points in the host-owned image, so
    /// these tests mount on directories the busybox image has.</summary>
    private static void WithUserNamespace(JsonObject c)
    {
        c["linux"]!["namespaces"]!.AsArray().Add(new JsonObject { ["type"] = "user" });
        c["linux"]!["uidMappings"] = Map(0, 100000, 65536);
        c["linux"]!["gidMappings"] = Map(0, 100000, 65536);
        // sysfs and cgroup need privileges over the host's network and cgroup namespaces.
        c["mounts"] = new JsonArray(c["mounts"]!.AsArray().Where(m => (string)m!["type"]! is not ("sysfs" or "cgroup"))
            .Select(m => m!.DeepClone()).ToArray());
    }

    [RootFact]
    public void Mount_mappings_show_files_through_the_mapping_in_a_container_without_a_user_namespace()
    {
        using var dir = new HostDir();
        dir.File("by-root", 0, 0);
        dir.File("by-100001", 100001, 100002);
        var bundle = NewBundle().Shell(
            "stat -c '%n %u:%g' /mnt/by-root /mnt/by-100001; grep ' /mnt ' /proc/self/mountinfo; touch /mnt/new 2>&1; echo end")
            .Edit(c => c["mounts"]!.AsArray().Add(MappedBind(dir.Path, "/mnt", "bind")));
        var lines = Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim().Split('\n');

        lines[0].ShouldBe("/mnt/by-root 100000:100000");
        // 100001 on disk is outside the mapped range 0..65535.
        lines[1].ShouldBe($"/mnt/by-100001 {Overflow}:{Overflow}");
        lines[2].ShouldContain("idmapped");
        // Root (uid 0) has no id on this mount, so the kernel refuses to create a file it would own.
        lines[3].ShouldContain("Value too large");
        File.Exists(System.IO.Path.Combine(dir.Path, "new")).ShouldBeFalse();
    }

    [RootFact]
    public void A_file_made_through_a_mapped_mount_lands_on_the_host_with_the_id_mapped_back()
    {
        using var dir = new HostDir();
        var bundle = NewBundle().Shell("touch /mnt/made && stat -c '%u:%g' /mnt/made").Edit(c =>
        {
            c["process"]!["user"] = new JsonObject { ["uid"] = 100007, ["gid"] = 100009 };
            c["mounts"]!.AsArray().Add(MappedBind(dir.Path, "/mnt", "bind"));
        });
        Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim().ShouldBe("100007:100009");
        dir.Owner("made").ShouldBe((7u, 9u));
    }

    [RootFact]
    public void Idmap_without_mappings_maps_through_the_containers_user_namespace()
    {
        using var dir = new HostDir();
        dir.File("by-root", 0, 0);
        var bundle = NewBundle().Shell(
            "stat -c '%n %u:%g' /var/by-root /tmp/by-root; touch /var/made && stat -c '%n %u:%g' /var/made").Edit(c =>
        {
            WithUserNamespace(c);
            c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/var", ["source"] = dir.Path, ["options"] = new JsonArray("rbind", "idmap") });
            // The same directory bound without idmap, for comparison: the host's root is nobody in the container.
            c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/tmp", ["source"] = dir.Path, ["options"] = new JsonArray("rbind") });
        });
        var lines = Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim().Split('\n');

        lines[0].ShouldBe("/var/by-root 0:0");
        lines[1].ShouldBe($"/tmp/by-root {Overflow}:{Overflow}");
        lines[2].ShouldBe("/var/made 0:0");
        dir.Owner("made").ShouldBe((0u, 0u));
    }

    [RootTheory]
    [InlineData("ridmap", "0:0")]
    [InlineData("idmap", "65534:65534")]
    public void Ridmap_reaches_every_submount_of_an_rbind_where_idmap_maps_only_the_top(string option, string submountOwner)
    {
        using var dir = new HostDir();
        dir.File("top", 0, 0);
        dir.MountTmpfs("sub");
        dir.File("sub/below", 0, 0);
        var bundle = NewBundle().Shell("stat -c '%u:%g' /var/top /var/sub/below").Edit(c =>
        {
            WithUserNamespace(c);
            c["mounts"]!.AsArray().Add(new JsonObject { ["destination"] = "/var", ["source"] = dir.Path, ["options"] = new JsonArray("rbind", option) });
        });
        var lines = Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim().Split('\n');
        lines[0].ShouldBe("0:0");
        lines[1].ShouldBe(submountOwner);
    }

    [RootFact]
    public void An_idmapped_mount_takes_ro_and_propagation_options_like_any_bind()
    {
        using var dir = new HostDir();
        var bundle = NewBundle().Shell("grep ' /var ' /proc/self/mountinfo").Edit(c =>
        {
            WithUserNamespace(c);
            c["mounts"]!.AsArray().Add(MappedBind(dir.Path, "/var", "bind", "ro", "shared"));
        });
        string line = Ok("run", "-b", bundle.Write(), NewId()).Stdout.Trim();
        var words = line.Split(' ');
        words[5].Split(',').ShouldContain("ro");
        words[5].Split(',').ShouldContain("idmapped");
        words[6].ShouldStartWith("shared:");
    }

    /// <summary>A directory under /tmp (ext4), writable by all, that the test owns and removes, with any submounts it made.</summary>
    private sealed class HostDir : IDisposable
    {
        private readonly List<string> _mounts = [];

        public string Path { get; } = Directory.CreateTempSubdirectory("ocirt-idmap-").FullName;

        public HostDir() => System.IO.File.SetUnixFileMode(Path, (UnixFileMode)0b111_111_111);

        public void File(string name, int uid, int gid)
        {
            string path = System.IO.Path.Combine(Path, name);
            System.IO.File.WriteAllText(path, name);
            Run("chown", $"{uid}:{gid}", path);
        }

        public void MountTmpfs(string name)
        {
            string path = System.IO.Path.Combine(Path, name);
            Directory.CreateDirectory(path);
            Run("mount", "-t", "tmpfs", "-o", "size=1m,mode=755", "tmpfs", path);
            _mounts.Add(path);
        }

        public (uint Uid, uint Gid) Owner(string name)
        {
            string[] ids = Run("stat", "-c", "%u %g", System.IO.Path.Combine(Path, name)).Trim().Split(' ');
            return (uint.Parse(ids[0]), uint.Parse(ids[1]));
        }

        public void Dispose()
        {
            foreach (string mount in _mounts) Run("umount", "-l", mount);
            Directory.Delete(Path, recursive: true);
        }

        private static string Run(params string[] args)
        {
            var psi = new ProcessStartInfo(args[0]) { UseShellExecute = false, RedirectStandardOutput = true };
            foreach (string a in args[1..]) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            string output = p.StandardOutput.ReadToEnd();
            p.WaitForExit();
            p.ExitCode.ShouldBe(0, string.Join(' ', args));
            return output;
        }
    }
}
