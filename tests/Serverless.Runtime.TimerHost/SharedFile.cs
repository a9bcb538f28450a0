namespace Serverless.Runtime.TimerHost;

/// <summary>Appends to a file that another process may hold open for a moment.</summary>
internal static class SharedFile
{
    public static async Task AppendLineAsync(string path, string line, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await File.AppendAllTextAsync(path, line + "\n", cancellationToken);
                return;
            }
            catch (IOException) when (attempt < 50)
            {
                await Task.Delay(10, cancellationToken);
            }
        }
    }
}
