namespace OciRuntime.Spec.Validation;

internal sealed class ProblemList
{
    private readonly List<SpecException> _items = [];

    public IReadOnlyList<SpecException> Items => _items;

    public void Add(string pointer, string cause) => _items.Add(new SpecException(pointer, cause));
}
