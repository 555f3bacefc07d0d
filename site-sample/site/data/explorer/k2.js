window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k2"]=[["92ae3cca680a","hmac-sha256","d7e269598173509d…",4]];
