namespace Serverless.Functions;

/// <summary>
/// One host per data folder. A second host on the same folder would restore the local target's versions — killing
/// the ones the first host runs and starting its own copies — before it found out the port is taken; this lock is
/// taken before anything starts, and held (by the open file) until the process ends.
/// </summary>
public sealed class HostLock : IDisposable
{
    public const string FileName = "host.lock";
    private readonly FileStream _file;

    private HostLock(FileStream file) => _file = file;

    /// <returns>The lock, or null when another process holds it.</returns>
    public static HostLock? TryAcquire(string dataDirectory)
    {
        Directory.CreateDirectory(dataDirectory);
        try
        {
            return new HostLock(new FileStream(Path.Combine(dataDirectory, FileName), FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None));
        }
        catch (IOException)
        {
            return null;
        }
    }

    public void Dispose() => _file.Dispose();
}
