using System.Text;
using OciRuntime.Linux;
using OciRuntime.Spec.Model;

namespace OciRuntime.Init.Appliers;

/// <summary>Sets hostname and domainname inside the container's UTS namespace.</summary>
public sealed unsafe class HostnameApplier(RuntimeSpec spec)
{
    public void Apply()
    {
        if (!string.IsNullOrEmpty(spec.Hostname)) Set(spec.Hostname, isDomain: false);
        if (!string.IsNullOrEmpty(spec.Domainname)) Set(spec.Domainname, isDomain: true);
    }

    private static void Set(string name, bool isDomain)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(name);
        fixed (byte* p = bytes)
        {
            int r = isDomain ? Libc.setdomainname(p, (nuint)bytes.Length) : Libc.sethostname(p, (nuint)bytes.Length);
            SysError.Check(r, isDomain ? "setdomainname" : "sethostname", name);
        }
    }
}
