using System.Buffers.Binary;
using OciRuntime.Linux.Seccomp;
using Shouldly;
using Xunit;

namespace OciRuntime.Tests.Seccomp;

public sealed class EnosysStubTests
{
    private const uint X86_64 = 0xc000003e;

    private static (ushort Code, byte Jt, byte Jf, uint K) At(byte[] program, int index)
    {
        var i = program.AsSpan(index * 8, 8);
        return (BinaryPrimitives.ReadUInt16LittleEndian(i), i[2], i[3], BinaryPrimitives.ReadUInt32LittleEndian(i[4..]));
    }

    /// <summary>Runs the classic-BPF subset the stub uses on (nr, arch); -1 means it fell through to the original filter.</summary>
    private static long Evaluate(byte[] program, int stubLength, uint nr, uint arch)
    {
        uint a = 0;
        for (int pc = 0; pc < stubLength;)
        {
            var (code, jt, jf, k) = At(program, pc);
            switch (code)
            {
                case 0x20: a = k == 0 ? nr : arch; pc++; break;
                case 0x15: pc += 1 + (a == k ? jt : jf); break;
                case 0x35: pc += 1 + (a >= k ? jt : jf); break;
                case 0x25: pc += 1 + (a > k ? jt : jf); break;
                case 0x06: return k;
                default: throw new InvalidDataException($"unexpected opcode {code:x}");
            }
        }
        return -1;
    }

    [Fact]
    public void The_original_program_follows_the_stub_unchanged()
    {
        byte[] original = [1, 2, 3, 4, 5, 6, 7, 8];
        var patched = EnosysStub.Prepend(original, X86_64, 300);
        patched.Length.ShouldBe(6 * 8 + 8);
        patched[^8..].ShouldBe(original);
    }

    [Theory]
    [InlineData(301u, X86_64, 0x00050026L)]        // newer than the profile: ENOSYS
    [InlineData(300u, X86_64, -1L)]                // the newest the profile names: the filter decides
    [InlineData(0u, X86_64, -1L)]
    [InlineData(0x40000001u, X86_64, -1L)]         // x32: the filter decides
    [InlineData(0xffffffffu, X86_64, -1L)]         // nr -1 (a tracer skipping the call)
    [InlineData(9999u, 0x40000003u, -1L)]          // another architecture
    public void Only_syscalls_newer_than_the_profile_on_the_native_architecture_get_ENOSYS(uint nr, uint arch, long expected)
    {
        var patched = EnosysStub.Prepend(new byte[8], X86_64, 300);
        Evaluate(patched, 6, nr, arch).ShouldBe(expected);
    }

    [Fact]
    public void A_program_at_the_kernels_limit_is_left_alone()
    {
        var full = new byte[4095 * 8];
        EnosysStub.Prepend(full, X86_64, 300).ShouldBeSameAs(full);
    }
}
