namespace OciRuntime.Cli.Commands;

public static class Help
{
    public const string Version = "0.1.0";

    public static int Print(TextWriter output)
    {
        output.WriteLine("""
            ociruntime: an OCI runtime (a drop-in for runc)

            usage: ociruntime [global options] command [command options] [arguments...]

            commands:
              create    create a container            start     start a created container
              run       create and start a container  state     print a container's state
              kill      signal a container's init     delete    delete a container
              list      list containers               spec      write a default config.json
              exec      run a process in a container  ps        list a container's processes
              pause     freeze a container            resume    thaw a paused container
              update    change a container's limits   events    stream usage stats and OOMs
              network   bridge networking (as hooks)
              features  print the runtime's features

            global options:
              --root DIR           state directory (default /run/ociruntime; $XDG_RUNTIME_DIR/ociruntime if not root)
              --rootless MODE      auto, true or false: cgroups only where the user may create them
              --log FILE           log to FILE instead of stderr
              --log-format FORMAT  text or json
              --debug              log debug messages
            """);
        return 0;
    }

    public static int PrintVersion(TextWriter output)
    {
        output.WriteLine($"ociruntime version {Version}");
        output.WriteLine($"spec: {Spec.SpecVersion.Current}");
        return 0;
    }
}
