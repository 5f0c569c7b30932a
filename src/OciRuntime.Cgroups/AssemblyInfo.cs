using System.Runtime.CompilerServices;

[assembly: InternalsVisibleTo("OciRuntime.Tests")]
