using OciRuntime.Spec.Model;

namespace OciRuntime.Spec.Validation;

internal static class HookRules
{
    public static void Check(RuntimeSpec spec, ProblemList problems)
    {
        var hooks = spec.Hooks;
        if (hooks is null)
            return;
        CheckStage("prestart", hooks.Prestart, problems);
        CheckStage("createRuntime", hooks.CreateRuntime, problems);
        CheckStage("createContainer", hooks.CreateContainer, problems);
        CheckStage("startContainer", hooks.StartContainer, problems);
        CheckStage("poststart", hooks.Poststart, problems);
        CheckStage("poststop", hooks.Poststop, problems);
    }

    private static void CheckStage(string stage, List<Hook>? hooks, ProblemList problems)
    {
        for (var i = 0; i < (hooks?.Count ?? 0); i++)
        {
            var pointer = $"/hooks/{stage}/{i}";
            if (hooks![i] is not { } hook)
            {
                problems.Add(pointer, "must be an object");
                continue;
            }

            if (!PathText.IsAbsolute(hook.Path))
                problems.Add($"{pointer}/path", PathText.MustBeAbsolute);
            if (hook.Timeout is <= 0)
                problems.Add($"{pointer}/timeout", $"must be greater than zero, got {hook.Timeout}");
        }
    }
}
