namespace OciRuntime.Core.Lifecycle;

/// <summary>
/// --rootfs-overlay: the upper and work directories of an overlay whose lower layer is the bundle's rootfs, kept
/// in the container's state directory so that `delete` discards whatever the container wrote.
/// </summary>
public static class RootfsOverlay
{
    /// <returns>The directory holding "upper" and "work", for init to mount the overlay with.</returns>
    public static string Prepare(string stateDir, string rootfs)
    {
        // overlayfs separates its options with ',' and lower layers with ':'; such paths would be misread.
        foreach (string path in new[] { stateDir, rootfs })
            if (path.IndexOfAny([',', ':']) >= 0)
                throw new RuntimeError($"--rootfs-overlay: {path} contains ',' or ':', which overlayfs options can't carry");
        string dir = Path.Combine(stateDir, "overlay");
        Directory.CreateDirectory(Path.Combine(dir, "upper"));
        Directory.CreateDirectory(Path.Combine(dir, "work"));
        return dir;
    }
}
