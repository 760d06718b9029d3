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

    private sealed class ShortCache() : ScopedCache<string>(TimeSpan.FromSeconds(4), 100);

    [Fact]
    public async Task ABusyAnswer_IsLoadedAnewBeforeItExpires_ByOneReader_WhileTheOthersKeepReadingTheKeptCopy()
    {
        using var cache = new ShortCache();
        Assert.Equal("first", await cache.GetOrLoadAsync("erlangen", "ledger", () => Task.FromResult<string?>("first")));
        await Task.Delay(TimeSpan.FromSeconds(3.2));

        var reload = new TaskCompletionSource<string?>();
        var loads = 0;
        Task<string?> Load()
        {
            Interlocked.Increment(ref loads);
            return reload.Task;
        }

        var refresher = cache.GetOrLoadAsync("erlangen", "ledger", Load);
        var others = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => cache.GetOrLoadAsync("erlangen", "ledger", Load)));
        Assert.False(refresher.IsCompleted);
        Assert.All(others, answer => Assert.Equal("first", answer));
        reload.SetResult("second");

        Assert.Equal("second", await refresher);
        Assert.Equal(1, loads);
        Assert.Equal("second", await cache.GetOrLoadAsync<string>("erlangen", "ledger", () => throw new InvalidOperationException("kept")));
    }
}
