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
    public void A_foreground_run_relays_its_terminal_and_an_interactive_shell_works()
    {
        // script(1) gives the runtime a terminal of its own, as a person at a shell would.
        var bundle = TerminalBundle("").Args("sh");
        string command = $"{RuntimeBinary.Path} --root {StateRoot} run -b {bundle.Write()} {NewId()}";
        var psi = new System.Diagnostics.ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        // Computed answers, so the echo of what we typed can't satisfy the assertions.
        p.StandardInput.Write("echo hi-$((1+2)); [ -t 0 ] && echo tty-$((2*3))\nexit 4\n");
        p.StandardInput.Flush();
        p.WaitForExit(30_000).ShouldBeTrue();
        p.ExitCode.ShouldBe(4, output.Result);
        output.Result.ShouldContain("hi-3");
        output.Result.ShouldContain("tty-6");
    }

    [RootFact]
    public void A_foreground_exec_with_tty_relays_its_terminal()
    {
        string id = CreateSleeper();
        Ok("start", id);
        string command = $"{RuntimeBinary.Path} --root {StateRoot} exec -t {id} sh";
        var psi = new System.Diagnostics.ProcessStartInfo("script", ["-qec", command, "/dev/null"])
        {
            RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var p = System.Diagnostics.Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        p.StandardInput.Write("[ -t 0 ] && echo exec-tty-$((3+4))\nexit 9\n");
        p.StandardInput.Flush();
        p.WaitForExit(30_000).ShouldBeTrue();
        p.ExitCode.ShouldBe(9, output.Result);
        output.Result.ShouldContain("exec-tty-7");
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
