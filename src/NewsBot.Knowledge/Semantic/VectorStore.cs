using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Text;

namespace NewsBot.Knowledge.Semantic;

/// <summary>
/// Every passage vector ever computed, by <see cref="EmbeddingInput.Key"/>: in memory as 8-bit rows, and on disk
/// as an append-only file in the data folder, so a restart or an unchanged file never re-embeds anything.
/// </summary>
/// <remarks>
/// File: an 8-byte magic, the dimension count and the model name, then fixed-size records (16-byte key, 4-byte
/// scale, one signed byte per dimension). A record cut short by a killed process is dropped on the next open;
/// a file of another model or format is started over. When another process holds the file (the bot while the
/// command line answers), vectors are kept in memory only. One writer at a time; readers any time.
/// </remarks>
internal sealed class VectorStore : IDisposable
{
    private const int RowsPerChunk = 4096;
    private static readonly byte[] Magic = "NBVEC001"u8.ToArray();

    private readonly ConcurrentDictionary<UInt128, int> _rows = new();
    private readonly Lock _writeLock = new();
    private readonly FileStream? _file;
    private readonly FileStream? _writeLockFile;
    private readonly byte[] _record;
    private volatile sbyte[][] _vectors = [];
    private volatile float[][] _scales = [];
    private volatile ulong[][] _signs = [];
    private int _count;

    private VectorStore(int dimensions, FileStream? file, FileStream? writeLock)
    {
        Dimensions = dimensions;
        _file = file;
        _writeLockFile = writeLock;
        _record = new byte[RecordSize];
    }

    public int Dimensions { get; }

    /// <summary>Vectors held (including those of passages no longer indexed).</summary>
    public int Count => Volatile.Read(ref _count);

    /// <summary>False when the file is held by another process or could not be written: vectors then live for this process only.</summary>
    public bool IsPersistent => _file is not null;

    private int RecordSize => 16 + 4 + Dimensions;

    /// <summary>A store kept in memory only (tests, and evaluation without a data folder).</summary>
    public static VectorStore InMemory(int dimensions) => new(dimensions, null, null);

    /// <summary>Opens (or creates) the store of <paramref name="embedder"/>'s vectors in a data folder: <c>{dataPath}/vectors/{model}.vec</c>.</summary>
    public static VectorStore OpenIn(string dataPath, ITextEmbedder embedder) =>
        Open(Path.Combine(Path.GetFullPath(dataPath), "vectors", embedder.Model + ".vec"), embedder);

    /// <summary>Opens (or creates) the store file at <paramref name="path"/> for <paramref name="embedder"/>'s vectors.</summary>
    public static VectorStore Open(string path, ITextEmbedder embedder) => Open(path, embedder.Model, embedder.Dimensions);

    /// <summary>Opens (or creates) the store file at <paramref name="path"/> for <paramref name="model"/>.</summary>
    public static VectorStore Open(string path, string model, int dimensions)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        FileStream? writeLock = null;
        try
        {
            // An exclusive lock file says who writes: file sharing modes alone do not exclude writers on Linux.
            writeLock = new FileStream(path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            var file = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
            var store = new VectorStore(dimensions, file, writeLock);
            if (!store.Load(file, model))
            {
                file.SetLength(0);
                WriteHeader(file, model, dimensions);
            }

            file.Seek(0, SeekOrigin.End);
            return store;
        }
        catch (IOException)
        {
            writeLock?.Dispose();

            // Held by another process (the bot while the command line answers): read what it has written so far
            // and keep new vectors in memory.
            var readOnly = new VectorStore(dimensions, null, null);
            try
            {
                using var shared = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
                readOnly.Load(shared, model);
            }
            catch (IOException)
            {
            }

            return readOnly;
        }
    }

    public bool Contains(UInt128 key) => _rows.ContainsKey(key);

    public bool TryGetRow(UInt128 key, out int row) => _rows.TryGetValue(key, out row);

    public ReadOnlySpan<sbyte> Vector(int row) => _vectors[row / RowsPerChunk].AsSpan(row % RowsPerChunk * Dimensions, Dimensions);

    public float Scale(int row) => _scales[row / RowsPerChunk][row % RowsPerChunk];

    /// <summary>Words of <see cref="Signs"/> per vector: one bit per dimension.</summary>
    public int SignWords => (Dimensions + 63) / 64;

    /// <summary>The vector's signs, one bit per dimension (set when positive): a 1-bit sketch for a quick first pass.</summary>
    public ReadOnlySpan<ulong> Signs(int row) => _signs[row / RowsPerChunk].AsSpan(row % RowsPerChunk * SignWords, SignWords);

    /// <summary>Adds a vector (a no-op for a key already held). Call <see cref="Flush"/> after a batch.</summary>
    public void Add(UInt128 key, ReadOnlySpan<float> vector)
    {
        if (vector.Length != Dimensions)
        {
            throw new ArgumentException($"Expected {Dimensions} dimensions, got {vector.Length}.", nameof(vector));
        }

        lock (_writeLock)
        {
            if (_rows.ContainsKey(key))
            {
                return;
            }

            var quantized = new sbyte[Dimensions];
            var scale = QuantizedVector.Quantize(vector, quantized);
            Append(key, scale, quantized);
            if (_file is not null)
            {
                BinaryPrimitives.WriteUInt128LittleEndian(_record, key);
                BinaryPrimitives.WriteSingleLittleEndian(_record.AsSpan(16), scale);
                for (var i = 0; i < Dimensions; i++)
                {
                    _record[20 + i] = unchecked((byte)quantized[i]);
                }

                _file.Write(_record);
            }
        }
    }

    public void Flush()
    {
        lock (_writeLock)
        {
            _file?.Flush();
        }
    }

    public void Dispose()
    {
        lock (_writeLock)
        {
            _file?.Dispose();
            _writeLockFile?.Dispose();
        }
    }

    private void Append(UInt128 key, float scale, sbyte[] quantized)
    {
        var row = _count;
        var chunk = row / RowsPerChunk;
        if (chunk == _vectors.Length)
        {
            // Readers keep whichever arrays they read: chunks are never moved, only the list of them grows.
            _vectors = [.. _vectors, new sbyte[RowsPerChunk * Dimensions]];
            _scales = [.. _scales, new float[RowsPerChunk]];
            _signs = [.. _signs, new ulong[RowsPerChunk * SignWords]];
        }

        quantized.CopyTo(_vectors[chunk].AsSpan(row % RowsPerChunk * Dimensions));
        _scales[chunk][row % RowsPerChunk] = scale;
        QuantizedVector.SignBits(quantized, _signs[chunk].AsSpan(row % RowsPerChunk * SignWords, SignWords));
        Volatile.Write(ref _count, row + 1);
        _rows[key] = row;
    }

    /// <returns>False when the file is empty or of another model or format.</returns>
    private bool Load(FileStream file, string model)
    {
        file.Seek(0, SeekOrigin.Begin);
        var header = Header(model, Dimensions);
        var existing = new byte[header.Length];
        if (file.Length < header.Length || file.ReadAtLeast(existing, header.Length, throwOnEndOfStream: false) < header.Length || !existing.AsSpan().SequenceEqual(header))
        {
            return false;
        }

        var record = new byte[RecordSize];
        var quantized = new sbyte[Dimensions];
        var complete = (file.Length - header.Length) / RecordSize;
        for (long i = 0; i < complete; i++)
        {
            file.ReadExactly(record);
            var key = BinaryPrimitives.ReadUInt128LittleEndian(record);
            var scale = BinaryPrimitives.ReadSingleLittleEndian(record.AsSpan(16));
            for (var d = 0; d < Dimensions; d++)
            {
                quantized[d] = unchecked((sbyte)record[20 + d]);
            }

            if (!_rows.ContainsKey(key))
            {
                Append(key, scale, quantized);
            }
        }

        if (file.CanWrite && file.Length != header.Length + (complete * RecordSize))
        {
            // The tail of a record a killed process did not finish: drop it so the next record lines up.
            file.SetLength(header.Length + (complete * RecordSize));
        }

        return true;
    }

    private static void WriteHeader(FileStream file, string model, int dimensions)
    {
        file.Write(Header(model, dimensions));
        file.Flush();
    }

    private static byte[] Header(string model, int dimensions)
    {
        var name = Encoding.UTF8.GetBytes(model);
        var header = new byte[Magic.Length + 4 + 4 + name.Length];
        Magic.CopyTo(header, 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length), dimensions);
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(Magic.Length + 4), name.Length);
        name.CopyTo(header, Magic.Length + 8);
        return header;
    }
}
