window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/r9"]=[["nwldevartifacts","fcdc9ced58",2],["nwlprodlogs","096199dea2",2]];
