namespace AdviesRoute.Host.Security;

/// <summary>
/// Folders and files that only the service's own user may read: the data folder, the link key, the key ring's
/// certificate and the mail pickup folder. On Unix the mode is set when the file or folder is made (700 for a folder,
/// 600 for a file), so there is no moment in which another user on the machine can open it. Windows gives a new file
/// the rights of its folder; nothing is set there.
/// </summary>
internal static class PrivateFiles
{
    public const UnixFileMode FolderMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;

    public const UnixFileMode FileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    /// <summary>
    /// Creates the folder (and missing parents) with mode 700. An existing folder keeps its mode: the operator may
    /// have given it to a group on purpose, e.g. a mounted secrets folder.
    /// </summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
            return;
        }

        Directory.CreateDirectory(path, FolderMode);
    }

    /// <summary>Creates a new file with mode 600; fails when it exists.</summary>
    public static FileStream CreateNew(string path, bool useAsync = false, int bufferSize = 4096)
    {
        var options = new FileStreamOptions
        {
            Mode = System.IO.FileMode.CreateNew,
            Access = FileAccess.Write,
            Share = FileShare.None,
            Options = useAsync ? FileOptions.Asynchronous : FileOptions.None,
            BufferSize = bufferSize,
        };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = FileMode;
        }

        return new FileStream(path, options);
    }

    /// <summary>Writes a new file with mode 600; fails when it exists.</summary>
    public static void WriteNew(string path, ReadOnlySpan<byte> content)
    {
        using var stream = CreateNew(path);
        stream.Write(content);
        stream.Flush(flushToDisk: true);
    }
}
