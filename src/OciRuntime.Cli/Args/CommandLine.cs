namespace OciRuntime.Cli.Args;

/// <summary>
/// urfave/cli-style arguments as runc takes them: flags (-f, --flag, --flag=value, --flag value) may come before
/// or between positional arguments; "--" ends flags. Boolean flags never consume a value.
/// </summary>
public sealed class CommandLine
{
    private readonly Dictionary<string, List<string>> _flags = new();
    public List<string> Positional { get; } = new();

    public static CommandLine Parse(IReadOnlyList<string> args, HashSet<string> valueFlags, HashSet<string> boolFlags, bool stopAtFirstPositional = false)
    {
        var result = new CommandLine();
        for (int i = 0; i < args.Count; i++)
        {
            string arg = args[i];
            if (arg == "--")
            {
                result.Positional.AddRange(args.Skip(i + 1));
                break;
            }
            if (arg.Length < 2 || arg[0] != '-' || (stopAtFirstPositional && result.Positional.Count > 0))
            {
                result.Positional.Add(arg);
                continue;
            }
            string name = arg.TrimStart('-');
            string? value = null;
            int eq = name.IndexOf('=');
            if (eq >= 0) { value = name[(eq + 1)..]; name = name[..eq]; }
            if (boolFlags.Contains(name))
                result.Add(name, value ?? "true");
            else if (valueFlags.Contains(name))
            {
                if (value is null)
                {
                    if (i + 1 >= args.Count) throw new UsageException($"flag needs an argument: {arg}");
                    value = args[++i];
                }
                result.Add(name, value);
            }
            else throw new UsageException($"flag provided but not defined: {arg}");
        }
        return result;
    }

    private void Add(string name, string value)
    {
        if (!_flags.TryGetValue(name, out var values)) _flags[name] = values = new List<string>();
        values.Add(value);
    }

    /// <summary>The last value given for any of the names (a flag given twice: the later one wins).</summary>
    public string? Get(params string[] names) =>
        names.Select(n => _flags.GetValueOrDefault(n)?.LastOrDefault()).FirstOrDefault(v => v is not null);

    /// <summary>Every value of a repeatable flag (--env A=1 --env B=2), in order.</summary>
    public IReadOnlyList<string> GetAll(params string[] names) =>
        names.SelectMany(n => _flags.GetValueOrDefault(n) ?? []).ToList();

    public bool Has(params string[] names) => names.Any(n => _flags.TryGetValue(n, out var v) && v[^1] != "false");

    public int GetInt(string name, int fallback)
    {
        string? v = Get(name);
        if (v is null) return fallback;
        return int.TryParse(v, out int n) && n >= 0 ? n : throw new UsageException($"invalid value \"{v}\" for flag --{name}");
    }
}

public sealed class UsageException(string message) : Exception(message);
