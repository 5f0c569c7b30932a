using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

/// <summary>
/// Per-test runtime state: a private --root, unique ids, and a cleanup that force-deletes whatever a failed
/// test left, so one failure never cascades into the next test.
/// </summary>
public abstract class ContainerTest : IDisposable
{
    private readonly List<string> _ids = new();
    private readonly List<Bundle> _bundles = new();

    protected string StateRoot { get; } = Directory.CreateTempSubdirectory("ocirt-root-").FullName;
    protected RuntimeBinary Runtime { get; }

    protected ContainerTest() => Runtime = new RuntimeBinary(StateRoot);

    protected string NewId(string hint = "c")
    {
        string id = $"{hint}-{Guid.NewGuid():N}"[..20];
        _ids.Add(id);
        return id;
    }

    protected Bundle NewBundle(params string[] args)
    {
        var b = new Bundle(args);
        _bundles.Add(b);
        return b;
    }

    protected CommandResult Ok(params string[] args)
    {
        var r = Runtime.Run(args);
        r.ExitCode.ShouldBe(0, r.ToString());
        return r;
    }

    protected JsonObject State(string id) => JsonNode.Parse(Ok("state", id).Stdout)!.AsObject();

    protected int Pid(string id) => (int)State(id)["pid"]!;

    /// <summary>Creates a container running `sleep` (or the given args) and returns its id.</summary>
    protected string CreateSleeper(Bundle? bundle = null)
    {
        bundle ??= NewBundle("sleep", "1000");
        string id = NewId();
        Ok("create", "--bundle", bundle.Write(), id);
        return id;
    }

    /// <summary>How many times slower than a normal machine this one is (OCIRT_TEST_TIME_SCALE; the emulated v2 VM sets it).</summary>
    protected static int TimeScale { get; } =
        int.TryParse(Environment.GetEnvironmentVariable("OCIRT_TEST_TIME_SCALE"), out int scale) && scale > 0 ? scale : 1;

    protected static void Eventually(Func<bool> condition, string what, int timeoutMs = 5000)
    {
        long deadline = Environment.TickCount64 + timeoutMs * TimeScale;
        while (!condition())
        {
            if (Environment.TickCount64 > deadline) throw new ShouldAssertException($"timed out waiting for {what}");
            Thread.Sleep(20);
        }
    }

    public virtual void Dispose()
    {
        foreach (string id in _ids) Runtime.Run("delete", "--force", id);
        foreach (var b in _bundles) b.Dispose();
        try { Directory.Delete(StateRoot, recursive: true); } catch (IOException) { }
    }
}
