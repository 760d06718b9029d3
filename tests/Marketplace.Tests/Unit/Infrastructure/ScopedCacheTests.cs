using Marketplace.Web.Infrastructure;

namespace Marketplace.Tests.Unit.Infrastructure;

/// <summary>
/// When a busy answer expires, the readers asking for it share one load (a newspaper's readers must not all run the same
/// search at once); a reader arriving after a write does not take the answer of a load that began before it.
/// </summary>
public sealed class ScopedCacheTests
{
    private sealed class Cache() : ScopedCache<string>(TimeSpan.FromSeconds(10), 100);

    [Fact]
    public async Task ReadersAskingAtOnce_ShareOneLoad()
    {
        using var cache = new Cache();
        var loads = 0;
        var release = new TaskCompletionSource<string?>();
        Task<string?> Load()
        {
            Interlocked.Increment(ref loads);
            return release.Task;
        }

        var readers = Enumerable.Range(0, 20).Select(_ => cache.GetOrLoadAsync("erlangen", "search", Load)).ToList();
        release.SetResult("answer");

        Assert.All(await Task.WhenAll(readers), answer => Assert.Equal("answer", answer));
        Assert.Equal(1, loads);
        Assert.Equal("answer", await cache.GetOrLoadAsync<string>("erlangen", "search", () => throw new InvalidOperationException("kept")));
    }

    [Fact]
    public async Task AReaderAfterAWrite_LoadsAnew_WhileTheEarlierLoadIsStillRunning()
    {
        using var cache = new Cache();
        var before = new TaskCompletionSource<string?>();
        var early = cache.GetOrLoadAsync("erlangen", "search", () => before.Task);

        cache.Forget("erlangen");
        var late = await cache.GetOrLoadAsync("erlangen", "search", () => Task.FromResult<string?>("after the write"));
        before.SetResult("before the write");

        Assert.Equal("after the write", late);
        Assert.Equal("before the write", await early);
        Assert.Equal("after the write", await cache.GetOrLoadAsync("erlangen", "search", () => Task.FromResult<string?>("again")));
    }
}
