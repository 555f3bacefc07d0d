window.SecretAtlasData=window.SecretAtlasData||{};window.SecretAtlasData["explorer/k17"]=[["4502abf592b9","hmac-sha256","d56df1f341ce1904…",0],["8f08716265fd","hmac-sha256","2fb6476b7cd41439…",0]];
