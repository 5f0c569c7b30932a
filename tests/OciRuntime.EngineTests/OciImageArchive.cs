using System.Formats.Tar;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace OciRuntime.EngineTests;

/// <summary>
/// Packs a rootfs directory as a one-layer OCI image archive (oci-layout, index.json, blobs) that `ctr images import`
/// reads, so the containerd battery needs no registry and no other engine.
/// </summary>
public static class OciImageArchive
{
    public static void Write(string rootfs, string imageName, string archive)
    {
        string layout = Directory.CreateTempSubdirectory("ocirt-image-").FullName;
        try
        {
            string blobs = Directory.CreateDirectory(Path.Combine(layout, "blobs", "sha256")).FullName;
            string layer = Path.Combine(layout, "layer.tar");
            var tar = Shell.Run(["tar", "--numeric-owner", "-C", rootfs, "-cf", layer, "."]);
            tar.ExitCode.ShouldBe(0, tar.ToString());
            var (layerDigest, layerSize) = AddBlob(blobs, File.ReadAllBytes(layer));
            File.Delete(layer);

            var config = new JsonObject
            {
                ["architecture"] = "amd64",
                ["os"] = "linux",
                ["config"] = new JsonObject
                {
                    ["Env"] = new JsonArray("PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"),
                    ["Cmd"] = new JsonArray("sh"),
                },
                ["rootfs"] = new JsonObject { ["type"] = "layers", ["diff_ids"] = new JsonArray(layerDigest) },
            };
            var (configDigest, configSize) = AddBlob(blobs, Encoding.UTF8.GetBytes(config.ToJsonString()));

            var manifest = new JsonObject
            {
                ["schemaVersion"] = 2,
                ["mediaType"] = "application/vnd.oci.image.manifest.v1+json",
                ["config"] = Descriptor("application/vnd.oci.image.config.v1+json", configDigest, configSize),
                ["layers"] = new JsonArray(Descriptor("application/vnd.oci.image.layer.v1.tar", layerDigest, layerSize)),
            };
            var (manifestDigest, manifestSize) = AddBlob(blobs, Encoding.UTF8.GetBytes(manifest.ToJsonString()));

            var entry = Descriptor("application/vnd.oci.image.manifest.v1+json", manifestDigest, manifestSize);
            entry["annotations"] = new JsonObject { ["io.containerd.image.name"] = imageName };
            var index = new JsonObject { ["schemaVersion"] = 2, ["manifests"] = new JsonArray(entry) };
            File.WriteAllText(Path.Combine(layout, "index.json"), index.ToJsonString());
            File.WriteAllText(Path.Combine(layout, "oci-layout"), """{"imageLayoutVersion":"1.0.0"}""");

            TarFile.CreateFromDirectory(layout, archive, includeBaseDirectory: false);
        }
        finally
        {
            Directory.Delete(layout, recursive: true);
        }
    }

    private static (string Digest, long Size) AddBlob(string blobs, byte[] content)
    {
        string hex = Convert.ToHexStringLower(SHA256.HashData(content));
        File.WriteAllBytes(Path.Combine(blobs, hex), content);
        return ("sha256:" + hex, content.LongLength);
    }

    private static JsonObject Descriptor(string mediaType, string digest, long size) =>
        new() { ["mediaType"] = mediaType, ["digest"] = digest, ["size"] = size };
}
