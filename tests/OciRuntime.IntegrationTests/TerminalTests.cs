using System.Text.Json.Nodes;

namespace OciRuntime.IntegrationTests;

public sealed class TerminalTests : ContainerTest
{
    private Bundle TerminalBundle(string script) => NewBundle().Shell(script).Edit(c =>
    {
        c["process"]!["terminal"] = true;
        c["process"]!["consoleSize"] = new JsonObject { ["height"] = 40, ["width"] = 100 };
    });

    [RootFact]
    public void The_console_socket_receives_a_working_pty_master_during_create()
    {
        using var console = new ConsoleReceiver(StateRoot);
        var bundle = TerminalBundle("[ -t 0 ] && [ -t 1 ] && echo stdio-is-a-tty; tty; stty size; read line; echo got:$line; sleep 1000");
        string id = NewId();
        Ok("create", "--console-socket", console.Path, "-b", bundle.Write(), id);
        // The master arrives before create returns, as conmon and containerd's shim expect.
        console.Name.ShouldBe("/dev/pts/0");
        Ok("start", id);

        console.ReadUntil("40 100").ShouldContain("stdio-is-a-tty");
        console.ReadUntil("40 100").ShouldContain("/dev/pts/0");
        console.Master.Write("typed\n"u8);
        console.Master.Flush();
        console.ReadUntil("got:typed").ShouldContain("got:typed");
    }

    [RootFact]
    public void Exec_with_tty_gets_its_own_pty_in_the_container()
    {
        string id = CreateSleeper();
        Ok("start", id);
        using var console = new ConsoleReceiver(StateRoot);
        Ok("exec", "--tty", "--detach", "--console-socket", console.Path, id, "sh", "-c", "tty; sleep 1000");
        console.ReadUntil("/dev/pts/").ShouldContain("/dev/pts/0");
    }

    [RootFact]
    public void A_terminal_without_a_console_socket_is_refused_clearly()
    {
        var bundle = TerminalBundle("true");
        string id = NewId();
        var r = Runtime.Run("create", "-b", bundle.Write(), id);
        r.ExitCode.ShouldNotBe(0);
        r.Stderr.ShouldContain("/process/terminal");
        Directory.Exists(Path.Combine(StateRoot, id)).ShouldBeFalse();
    }
}
