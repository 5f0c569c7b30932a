using OciRuntime.Core.Launch;
using OciRuntime.Linux;

namespace OciRuntime.Init;

/// <summary>
/// The managed half of `ociruntime init`. The C stage has already put this process in the container's
/// namespaces; from here we build the filesystem, report ready, and wait on the exec FIFO for `start`.
/// Any failure goes back to the parent as one Error frame.
/// </summary>
public static class InitEntry
{
    public static int Run()
    {
        string? pipe = Environment.GetEnvironmentVariable(InitFds.InitPipeEnv);
        if (!int.TryParse(pipe, out int fd))
        {
            Console.Error.WriteLine("init: this command is run by the runtime itself, not by users");
            return 1;
        }
        var channel = new FrameChannel(fd);
        try
        {
            Frame frame = channel.Receive() ?? throw new InvalidOperationException("the parent closed the init socket before sending the configuration");
            if (frame.Type != FrameType.InitConfig) throw new InvalidOperationException($"expected the init configuration, got frame {frame.Type}");
            var config = InitConfig.FromJson(frame.Payload);
            if (config.Mode == InitConfig.ExecMode) new ExecPipeline(config, channel).Run();
            else new InitPipeline(config, channel).Run();
            return 127; // Run only returns by execve.
        }
        catch (Exception e)
        {
            // After `create` has returned nobody reads the socket; stderr is all that is left.
            try { channel.SendText(FrameType.Error, e.Message); }
            catch (Exception) { Console.Error.WriteLine($"ociruntime init: {e.Message}"); }
            return 127;
        }
    }
}
