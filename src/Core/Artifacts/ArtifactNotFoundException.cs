namespace Serverless.Core.Artifacts;

public sealed class ArtifactNotFoundException : Exception
{
    public ArtifactNotFoundException(string name)
        : base($"Artifact '{name}' does not exist.")
    {
        Name = name;
    }

    public string Name { get; }
}
