using PerfEval.Application.Common;

namespace PerfEval.UnitTests.Common;

public sealed class PooledBufferTests
{
    [Theory]
    [InlineData(0, 1)]
    [InlineData(16, 1_000)]
    [InlineData(1_000_000, 3_000_000)]
    public void Written_KeepsEveryByteInOrder_WhenTheBufferGrows(int capacity, int total)
    {
        using var buffer = new PooledBuffer(capacity);
        var written = 0;
        while (written < total)
        {
            var span = buffer.GetSpan(7);
            var count = Math.Min(Math.Min(span.Length, 1 + (written % 4_099)), total - written);
            for (var i = 0; i < count; i++)
            {
                span[i] = (byte)((written + i) % 251);
            }

            buffer.Advance(count);
            written += count;
        }

        Assert.Equal(total, buffer.Written.Length);
        for (var i = 0; i < total; i++)
        {
            Assert.Equal((byte)(i % 251), buffer.Written[i]);
        }
    }

    [Fact]
    public void Advance_BeyondTheSpanGiven_Throws()
    {
        using var buffer = new PooledBuffer(16);
        var room = buffer.GetSpan().Length;

        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(room + 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => buffer.Advance(-1));
    }

    [Fact]
    public void Dispose_ReturnsTheArray_AndTheBufferCannotBeWrittenAgain()
    {
        var buffer = new PooledBuffer(64);
        buffer.GetSpan()[0] = 1;
        buffer.Advance(1);

        buffer.Dispose();

        Assert.True(buffer.Written.IsEmpty);
        Assert.Throws<ObjectDisposedException>(() => buffer.GetSpan());
        buffer.Dispose();
    }
}
